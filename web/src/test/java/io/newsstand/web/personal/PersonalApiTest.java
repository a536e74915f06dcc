package io.newsstand.web.personal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code /api/v1/me/...}: For you, follows, saved articles and history with a
 * bearer token.
 */
@ResourceLock(SiteTest.CLOCK)
class PersonalApiTest extends SiteTest {

	private static final String PASSWORD = "copper kettle orbit";

	private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

	@Test
	void anonymousCallsAreRefusedWithProblemJson() {
		for (String path : new String[]{"/api/v1/me/for-you", "/api/v1/me/follows", "/api/v1/me/saved",
				"/api/v1/me/history"}) {
			assertProblem(client().get(path), 401);
		}
		assertProblem(send("PUT", "/api/v1/me/saved/paid-1", null, null), 401);
	}

	@Test
	void followListAndUnfollowAPublisherSectionAndTopic() {
		String token = token();
		HttpResponse<String> publisher = send("PUT", "/api/v1/me/follows/publisher/" + FakeArticles.PAID_PUBLISHER,
				token, null);
		assertThat(publisher.statusCode()).isEqualTo(200);
		assertThat(publisher.body()).isEqualTo(
				"{\"kind\":\"publisher\",\"value\":\"daily-ledger\",\"label\":\"Daily Ledger\",\"muted\":false}");
		assertThat(send("PUT", "/api/v1/me/follows/section/BUSINESS", token, null).body())
				.contains("\"value\":\"business\",\"label\":\"Business\"");
		assertThat(send("PUT", "/api/v1/me/follows/topic/Climate%20Change", token, null).body())
				.contains("\"value\":\"climate change\"");

		String listed = get("/api/v1/me/follows", token).body();
		assertThat(listed).contains("\"kind\":\"publisher\"", "\"kind\":\"section\"", "\"kind\":\"topic\"");

		assertThat(send("DELETE", "/api/v1/me/follows/topic/climate%20change", token, null).statusCode())
				.isEqualTo(204);
		assertThat(get("/api/v1/me/follows", token).body()).doesNotContain("climate change");
	}

	@Test
	void unknownKindsAndValuesAreProblemsAndStoreNothing() {
		String token = token();
		assertProblem(send("PUT", "/api/v1/me/follows/publisher/no-such-paper", token, null), 404);
		assertProblem(send("PUT", "/api/v1/me/follows/section/astrology", token, null), 404);
		assertProblem(send("PUT", "/api/v1/me/follows/mood/happy", token, null), 400);
		assertProblem(send("PUT", "/api/v1/me/follows/topic/%20%20", token, null), 400);
		assertProblem(send("PUT", "/api/v1/me/follows/topic/economy", token, "{\"mute\":true}"), 400);
		assertProblem(send("PUT", "/api/v1/me/saved/no-such-article", token, null), 404);
		assertThat(get("/api/v1/me/follows", token).body()).isEqualTo("{\"items\":[],\"nextCursor\":null}");
		assertThat(get("/api/v1/me/saved", token).body()).isEqualTo("{\"items\":[],\"nextCursor\":null}");
		assertProblem(get("/api/v1/me/saved?limit=0", token), 400);
		assertProblem(get("/api/v1/me/history?cursor=abc", token), 400);
	}

	@Test
	void aMutedPublisherLeavesTheReadersFrontPageButNobodyElses() {
		String token = token();
		String quoted = "\"publisherId\":\"" + FakeArticles.PAID_PUBLISHER + "\"";
		assertThat(get("/api/v1/home", token).body()).contains(quoted);
		send("PUT", "/api/v1/me/follows/publisher/" + FakeArticles.PAID_PUBLISHER, token, "{\"mute\":true}");
		HttpResponse<String> home = get("/api/v1/home", token);
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).doesNotContain(quoted).contains("\"publisherId\":\"" + FakeArticles.FREE_PUBLISHER);
		assertThat(client().get("/api/v1/home").body()).as("an anonymous reader").contains(quoted);
		assertThat(get("/api/v1/home", token()).body()).as("another reader").contains(quoted);
	}

	@Test
	void aMutedPublisherLeavesForYouAndItemsSayWhyWithoutBodies() {
		String token = token();
		send("PUT", "/api/v1/me/follows/publisher/" + FakeArticles.FREE_PUBLISHER, token, null);
		HttpResponse<String> forYou = get("/api/v1/me/for-you", token);
		assertThat(forYou.statusCode()).isEqualTo(200);
		assertThat(forYou.body()).contains("\"reason\":\"Because you follow Open Gazette\"", "\"personalised\":true",
				"\"id\":\"paid-1\"");
		assertThat(forYou.body()).doesNotContain("\"body\"").doesNotContain(FakeArticles.secret("free-1"));

		HttpResponse<String> muted = send("PUT", "/api/v1/me/follows/publisher/" + FakeArticles.PAID_PUBLISHER, token,
				"{\"mute\":true}");
		assertThat(muted.body()).contains("\"muted\":true");
		assertThat(get("/api/v1/me/for-you", token).body()).contains("\"id\":\"free-1\"")
				.doesNotContain("\"id\":\"paid-");
	}

	@Test
	void saveListAndUnsaveArticles() {
		String token = token();
		HttpResponse<String> saved = send("PUT", "/api/v1/me/saved/paid-7", token, null);
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.body()).contains("\"id\":\"paid-7\"", "\"savedAt\":\"").doesNotContain("\"body\"");
		send("PUT", "/api/v1/me/saved/paid-8", token, null);
		String page = get("/api/v1/me/saved?limit=1", token).body();
		assertThat(page).contains("\"id\":\"paid-8\"", "\"nextCursor\":\"1\"").doesNotContain("paid-7");
		assertThat(get("/api/v1/me/saved?limit=1&cursor=1", token).body()).contains("\"id\":\"paid-7\"",
				"\"nextCursor\":null");

		assertThat(send("DELETE", "/api/v1/me/saved/paid-8", token, null).statusCode()).isEqualTo(204);
		assertThat(get("/api/v1/me/saved", token).body()).doesNotContain("paid-8").contains("paid-7");
		assertThat(send("DELETE", "/api/v1/me/saved", token, null).statusCode()).isEqualTo(204);
		assertThat(get("/api/v1/me/saved", token).body()).doesNotContain("paid-7");
	}

	@Test
	void articlesOpenedThroughTheApiAreInTheHistoryUntilCleared() {
		String token = token();
		get("/api/v1/articles/paid-3", token);
		clock.advance(Duration.ofSeconds(30));
		get("/api/v1/articles/free-1", token);
		String history = get("/api/v1/me/history", token).body();
		assertThat(history).contains("\"openedAt\":\"");
		assertThat(history.indexOf("\"id\":\"free-1\"")).isPositive().isLessThan(history.indexOf("\"id\":\"paid-3\""));
		assertThat(history).doesNotContain(FakeArticles.secret("free-1"));

		assertThat(send("DELETE", "/api/v1/me/history", token, null).statusCode()).isEqualTo(204);
		assertThat(get("/api/v1/me/history", token).body()).isEqualTo("{\"items\":[],\"nextCursor\":null}");
	}

	private String token() {
		String email = uniqueEmail("api-personal");
		client().postJson("/api/v1/accounts", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
		Matcher token = TOKEN.matcher(client()
				.postJson("/api/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
				.body());
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	private HttpResponse<String> get(String path, String token) {
		return client().get(path, "Authorization", "Bearer " + token);
	}

	private HttpResponse<String> send(String method, String path, String token, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).method(
				method,
				(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return client().send(request.build());
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":" + status);
	}

}
