package io.newsstand.web.frontpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsstand.web.account.Account;
import io.newsstand.web.account.AccountStore;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Our Picks": editors pick from the article page or the editor page, the front
 * page shows the change at once, picks follow their order and expire, and only
 * admins may change them.
 */
@ResourceLock(SiteTest.CLOCK)
class PicksTest extends FrontPageSiteTest {

	private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

	@Autowired
	AccountStore accounts;

	private SiteClient admin(String email) {
		SiteClient admin = signedUp(email);
		Account account = this.accounts.findByEmail(email).orElseThrow();
		this.accounts.updateRoles(account.id(), Set.of(Account.READER, Account.ADMIN));
		admin.signIn(email, PASSWORD);
		return admin;
	}

	private String token(String email) {
		HttpResponse<String> response = client().postJson("/api/v1/auth/token",
				"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
		Matcher token = TOKEN.matcher(response.body());
		assertThat(token.find()).as(response.body()).isTrue();
		return token.group(1);
	}

	private HttpResponse<String> api(String method, String path, String json, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).method(
				method,
				(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody())
				.header("Content-Type", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return client().send(request.build());
	}

	@Test
	void anEditorPicksFromTheArticlePageAndTheFrontPageShowsItAtOnce() {
		String id = article("picked", UK, "World", Duration.ofDays(2));
		SiteClient anonymous = client();
		assertThat(anonymous.get("/").body()).doesNotContain("Our Picks");

		SiteClient editor = admin(uniqueEmail("editor"));
		String page = editor.get("/articles/" + id).body();
		assertThat(page).contains("Add to Our Picks");
		HttpResponse<String> picked = editor.post("/editor/picks",
				editor.withCsrf("articleId", id, "days", "1", "next", "/articles/" + id));
		assertThat(picked.statusCode()).isEqualTo(302);
		assertThat(picked.headers().firstValue("Location").orElseThrow()).endsWith("/articles/" + id);

		String home = anonymous.get("/").body();
		assertThat(home).contains("Our Picks");
		assertThat(home.substring(home.indexOf("id=\"our-picks\""))).contains("href=\"/articles/" + id + "\"");
		assertThat(editor.get("/articles/" + id).body()).contains("Unpick");
		assertThat(editor.get("/editor/picks").body()).contains("Headline of picked");

		HttpResponse<String> unpicked = editor.post("/editor/picks/" + id + "/unpick",
				editor.withCsrf("next", "/articles/" + id));
		assertThat(unpicked.statusCode()).isEqualTo(302);
		assertThat(anonymous.get("/").body()).doesNotContain("Our Picks");
	}

	@Test
	void picksFollowTheirOrderAndExpire() {
		String a = article("a", US, "World", Duration.ofDays(3));
		String b = article("b", US, "World", Duration.ofDays(3));
		String c = article("c", US, "World", Duration.ofDays(3));
		String email = uniqueEmail("editor");
		SiteClient editor = admin(email);
		String token = token(email);
		String soon = clock.instant().plus(Duration.ofHours(1)).toString();
		String later = clock.instant().plus(Duration.ofDays(1)).toString();
		assertThat(api("PUT", "/api/v1/editor/picks/" + a, "{\"order\":2,\"expiresAt\":\"" + later + "\"}", token)
				.statusCode()).isEqualTo(200);
		assertThat(api("PUT", "/api/v1/editor/picks/" + b, "{\"order\":1,\"expiresAt\":\"" + soon + "\"}", token)
				.statusCode()).isEqualTo(200);
		assertThat(api("PUT", "/api/v1/editor/picks/" + c, "{\"order\":3,\"expiresAt\":\"" + later + "\"}", token)
				.statusCode()).isEqualTo(200);
		assertThat(ids(home("INT").path("picks"))).containsExactly(b, a, c);

		// Re-ordered on the editor page: c first.
		editor.get("/editor/picks");
		HttpResponse<String> saved = editor.post("/editor/picks/" + c, editor.withCsrf("order", "0", "expires",
				PicksController.LOCAL_UTC.format(clock.instant().plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC))));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(ids(home("INT").path("picks"))).containsExactly(c, b, a);

		clock.advance(Duration.ofHours(2));
		assertThat(ids(home("INT").path("picks"))).as("b expired").containsExactly(c, a);
		assertThat(api("GET", "/api/v1/editor/picks", null, token).body()).doesNotContain(b).contains(a);

		assertThat(api("DELETE", "/api/v1/editor/picks/" + a, null, token).statusCode()).isEqualTo(204);
		assertThat(api("DELETE", "/api/v1/editor/picks/" + a, null, token).statusCode()).isEqualTo(404);
		assertThat(ids(home("INT").path("picks"))).containsExactly(c);
	}

	@Test
	void aPickMadeOnAnotherNodeRecomputesThisNodesFrontPage() throws InterruptedException {
		String id = article("elsewhere", UK, "World", Duration.ofHours(1));
		assertThat(ids(home("INT").path("picks"))).isEmpty();
		// Another node writes the pick and announces it; this node learns it only from
		// the channel.
		this.redis.opsForHash().put("newsstand:web:picks", id,
				"1|" + clock.instant().plus(Duration.ofDays(1)).toEpochMilli() + "|editor|"
						+ clock.instant().toEpochMilli());
		assertThat(ids(home("INT").path("picks"))).as("cached").isEmpty();
		this.redis.convertAndSend("newsstand:web:picks-changed", id);
		await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(ids(home("INT").path("picks"))).containsExactly(id));
	}

	@Test
	void onlyEditorsMayPick() {
		String id = article("guarded", US, "World", Duration.ofHours(1));
		String email = uniqueEmail("reader");
		SiteClient reader = signedUp(email);
		String page = reader.get("/articles/" + id).body();
		assertThat(page).doesNotContain("Add to Our Picks");
		assertThat(reader.post("/editor/picks", reader.withCsrf("articleId", id)).statusCode()).isEqualTo(403);
		assertThat(reader.get("/editor/picks").statusCode()).isEqualTo(403);

		SiteClient anonymous = client();
		anonymous.get("/articles/" + id);
		assertThat(anonymous.post("/editor/picks", anonymous.withCsrf("articleId", id)).statusCode()).isIn(302, 403);

		String later = clock.instant().plus(Duration.ofDays(1)).toString();
		String body = "{\"expiresAt\":\"" + later + "\"}";
		assertThat(api("PUT", "/api/v1/editor/picks/" + id, body, null).statusCode()).isEqualTo(401);
		assertThat(api("PUT", "/api/v1/editor/picks/" + id, body, token(email)).statusCode()).isEqualTo(403);
		assertThat(api("DELETE", "/api/v1/editor/picks/" + id, null, token(email)).statusCode()).isEqualTo(403);
		assertThat(home("INT").path("picks")).isEmpty();

		SiteClient editor = admin(uniqueEmail("editor"));
		editor.get("/articles/" + id);
		assertThat(editor.post("/editor/picks", Map.of("articleId", id)).statusCode()).as("no CSRF token")
				.isEqualTo(403);
	}

}
