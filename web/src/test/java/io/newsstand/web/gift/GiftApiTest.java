package io.newsstand.web.gift;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteTest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code /api/v1/me/gifts} with a bearer token, and
 * {@code /api/v1/gifts/{token}} for apps that open a shared link.
 */
@ResourceLock(SiteTest.CLOCK)
class GiftApiTest extends GiftSiteTest {

	private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f]{32})\"");

	private static String token(HttpResponse<String> given) {
		Matcher link = LINK.matcher(given.body());
		assertThat(link.find()).as(given.body()).isTrue();
		return link.group(1);
	}

	@Test
	void aMemberCreatesListsAndRevokesGiftsAndTheSameArticleAgainCostsNothing() {
		String token = token(member("api-gift").email());
		HttpResponse<String> created = api("POST", "/api/v1/me/gifts", token,
				"{\"articleId\":\"paid-1\",\"from\":\"Alex\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).contains("\"created\":true", "\"from\":\"Alex\"", "\"articleId\":\"paid-1\"",
				"\"allowance\":{\"perMonth\":10,\"used\":1,\"left\":9}");
		assertThat(created.headers().firstValue("Cache-Control"))
				.hasValueSatisfying(c -> assertThat(c).contains("no-store"));
		HttpResponse<String> again = api("POST", "/api/v1/me/gifts", token, "{\"articleId\":\"paid-1\"}");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(token(again)).isEqualTo(token(created));
		assertThat(again.body()).contains("\"created\":false", "\"used\":1");

		HttpResponse<String> listed = api("GET", "/api/v1/me/gifts", token, null);
		assertThat(listed.body()).contains("\"left\":9", "/gift/" + token(created), "\"expired\":false");
		Matcher id = ID.matcher(created.body());
		assertThat(id.find()).isTrue();

		String other = token(member("api-gift-other").email());
		assertProblem(api("DELETE", "/api/v1/me/gifts/" + id.group(1), other, null), 404);
		assertThat(api("GET", "/api/v1/gifts/" + token(created), null, null).statusCode()).isEqualTo(200);
		assertThat(api("DELETE", "/api/v1/me/gifts/" + id.group(1), token, null).statusCode()).isEqualTo(204);
		assertThat(api("GET", "/api/v1/me/gifts", token, null).body()).contains("\"items\":[]", "\"left\":9");
		assertProblem(api("DELETE", "/api/v1/me/gifts/" + id.group(1), token, null), 404);
	}

	@Test
	void theLinkOpensItsArticleInFullThroughTheApiAndAnsweresGoneOnceRevoked() {
		String token = token(member("api-gift-open").email());
		String gift = token(api("POST", "/api/v1/me/gifts", token, "{\"articleId\":\"paid-2\",\"from\":\"Sam\"}"));
		HttpResponse<String> open = client().get("/api/v1/gifts/" + gift);
		assertThat(open.statusCode()).isEqualTo(200);
		assertThat(open.body()).contains("\"access\":\"full\"", "\"from\":\"Sam\"", FakeArticles.secret("paid-2"));
		assertThat(open.headers().firstValue("Cache-Control"))
				.hasValueSatisfying(c -> assertThat(c).contains("no-store", "private"));
		assertThat(this.opened).singleElement().extracting(GiftOpened::articleId).isEqualTo("paid-2");

		String id = GiftLinks.idOf(gift);
		api("DELETE", "/api/v1/me/gifts/" + id, token, null);
		HttpResponse<String> gone = client().get("/api/v1/gifts/" + gift);
		assertThat(gone.statusCode()).isEqualTo(410);
		assertThat(gone.body()).contains("\"access\":\"teaser\"").doesNotContain(FakeArticles.secret("paid-2"));
		assertProblem(client().get("/api/v1/gifts/" + "B".repeat(43)), 404);
		assertThat(this.opened).hasSize(1);
	}

	@Test
	void refusalsAreProblemsAndCostNothing() {
		assertProblem(api("POST", "/api/v1/me/gifts", null, "{\"articleId\":\"paid-1\"}"), 401);
		assertProblem(api("GET", "/api/v1/me/gifts", null, null), 401);
		String reader = token(reader("api-gift-reader").email());
		assertProblem(api("POST", "/api/v1/me/gifts", reader, "{\"articleId\":\"paid-1\"}"), 403);

		String member = token(member("api-gift-refusals").email());
		assertProblem(api("POST", "/api/v1/me/gifts", member, "{}"), 400);
		assertProblem(api("POST", "/api/v1/me/gifts", member, "{\"articleId\":\"no-such-article\"}"), 404);
		HttpResponse<String> email = api("POST", "/api/v1/me/gifts", member,
				"{\"articleId\":\"paid-1\",\"from\":\"alex@example.com\"}");
		assertProblem(email, 422);
		assertThat(email.body()).contains("not an e-mail address");
		assertThat(api("GET", "/api/v1/me/gifts", member, null).body()).contains("\"used\":0");

		for (int i = 1; i <= 8; i++) {
			api("POST", "/api/v1/me/gifts", member, "{\"articleId\":\"paid-" + i + "\"}");
		}
		api("POST", "/api/v1/me/gifts", member, "{\"articleId\":\"" + FakeArticles.FERRY_PAID + "\"}");
		api("POST", "/api/v1/me/gifts", member, "{\"articleId\":\"" + FakeArticles.FERRY_FREE + "\"}");
		HttpResponse<String> exhausted = api("POST", "/api/v1/me/gifts", member, "{\"articleId\":\"free-1\"}");
		assertProblem(exhausted, 429);
		assertThat(exhausted.headers().firstValue("Retry-After")).isPresent();
		assertThat(api("POST", "/api/v1/me/gifts", member, "{\"articleId\":\"paid-3\"}").statusCode()).isEqualTo(200);
	}

}
