package io.newsstand.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.security.Hashes;
import io.newsstand.web.site.SiteClient;
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
 * The JSON API's accounts and bearer tokens, and problem+json for every error.
 */
@ResourceLock(SiteTest.CLOCK)
class AccountApiTest extends SiteTest {

	private static final String PASSWORD = "copper kettle orbit";

	private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

	@Test
	void anAppCreatesAnAccountAndGets202UntilTheAddressIsConfirmed() {
		String email = uniqueEmail("app");
		HttpResponse<String> created = client().postJson("/api/v1/accounts",
				"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(created.statusCode()).isEqualTo(202);
		assertThat(created.body()).contains("\"email\":\"" + email + "\"").doesNotContain("password")
				.doesNotContain("\"id\"");
		assertThat(created.headers().allValues("Set-Cookie")).isEmpty();
		String token = tokenFor(email);
		assertThat(client().get("/api/v1/me", "Authorization", "Bearer " + token).body())
				.contains("\"emailVerified\":false");
		client().getUrl(client().latestLink(email, "Confirm your e-mail address"));
		assertThat(client().get("/api/v1/me", "Authorization", "Bearer " + token).body())
				.contains("\"emailVerified\":true");
	}

	@Test
	void badAccountRequestsAreProblemsNamingTheField() {
		HttpResponse<String> weak = client().postJson("/api/v1/accounts",
				"{\"email\":\"" + uniqueEmail("weak") + "\",\"password\":\"short\"}");
		assertProblem(weak, 400);
		assertThat(weak.body()).contains("\"errors\":{\"password\":\"Use at least 10 characters.\"}");

		HttpResponse<String> missing = client().postJson("/api/v1/accounts", "{\"password\":\"" + PASSWORD + "\"}");
		assertProblem(missing, 400);
		assertThat(missing.body()).contains("\"email\":\"Enter your e-mail address.\"");

		HttpResponse<String> malformed = client().postJson("/api/v1/accounts", "{\"email\": ");
		assertProblem(malformed, 400);
		assertThat(malformed.body()).contains("not the JSON this endpoint expects");
	}

	@Test
	void aTakenAddressGetsTheSameAnswerAsANewOne() {
		String taken = uniqueEmail("twice");
		client().postJson("/api/v1/accounts", "{\"email\":\"" + taken + "\",\"password\":\"" + PASSWORD + "\"}");
		String fresh = uniqueEmail("once");
		HttpResponse<String> second = client().postJson("/api/v1/accounts",
				"{\"email\":\"" + taken + "\",\"password\":\"" + PASSWORD + "\"}");
		HttpResponse<String> first = client().postJson("/api/v1/accounts",
				"{\"email\":\"" + fresh + "\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(second.statusCode()).isEqualTo(first.statusCode()).isEqualTo(202);
		assertThat(second.body().replace(taken, "ADDRESS")).isEqualTo(first.body().replace(fresh, "ADDRESS"));
		assertThat(second.headers().map().keySet()).isEqualTo(first.headers().map().keySet());
		assertThat(client().latestLink(taken, "Your Newsstand account")).as("the owner is told").endsWith("/signin");
	}

	@Test
	void aTokenAuthenticatesStatelesslyUntilRevoked() {
		String email = uniqueEmail("bearer");
		String token = tokenFor(email);
		HttpResponse<String> me = client().get("/api/v1/me", "Authorization", "Bearer " + token);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"email\":\"" + email + "\"");
		assertThat(me.headers().allValues("Set-Cookie")).as("no session for the API").isEmpty();

		SiteClient app = client();
		HttpResponse<String> revoked = app.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/auth/token"))
				.header("Authorization", "Bearer " + token).DELETE().build());
		assertThat(revoked.statusCode()).isEqualTo(204);
		HttpResponse<String> after = client().get("/api/v1/me", "Authorization", "Bearer " + token);
		assertProblem(after, 401);
		assertThat(after.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
	}

	@Test
	void anExpiredTokenIsRefused() {
		String token = tokenFor(uniqueEmail("expired"));
		clock.advance(Duration.ofDays(31));
		assertProblem(client().get("/api/v1/me", "Authorization", "Bearer " + token), 401);
	}

	@Test
	void aMadeUpTokenAndNoTokenAreRefused() {
		assertProblem(client().get("/api/v1/me", "Authorization", "Bearer made-up"), 401);
		assertProblem(client().get("/api/v1/me"), 401);
	}

	@Test
	void aWrongPasswordGetsNoToken() {
		String email = uniqueEmail("nopass");
		client().postJson("/api/v1/accounts", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
		HttpResponse<String> refused = client().postJson("/api/v1/auth/token",
				"{\"email\":\"" + email + "\",\"password\":\"nope nope nope\"}");
		assertProblem(refused, 401);
		assertThat(refused.body()).doesNotContain("token\":");
	}

	@Test
	void tokensAreThrottledLikeSignIns() {
		String email = uniqueEmail("hammer");
		client().postJson("/api/v1/accounts", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
		for (int i = 0; i < 5; i++) {
			client().postJson("/api/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"guess " + i + "\"}");
		}
		HttpResponse<String> throttled = client().postJson("/api/v1/auth/token",
				"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
		assertProblem(throttled, 429);
		assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void aReaderCannotRevokeAnotherReadersToken() {
		String victimToken = tokenFor(uniqueEmail("victim"));
		SiteClient attacker = client();
		attacker.signUp(uniqueEmail("attacker"), PASSWORD);
		attacker.get("/account");
		String victimTokenId = Hashes.sha256(victimToken);
		attacker.post("/account/tokens/" + victimTokenId + "/revoke", attacker.withCsrf());
		assertThat(client().get("/api/v1/me", "Authorization", "Bearer " + victimToken).statusCode()).isEqualTo(200);
	}

	@Test
	void theAccountPageListsAndRevokesTheReadersTokens() {
		String email = uniqueEmail("lister");
		String token = tokenFor(email);
		SiteClient browser = client();
		browser.signIn(email, PASSWORD);
		String page = browser.get("/account").body();
		Matcher revoke = Pattern.compile("action=\"(/account/tokens/[0-9a-f]+/revoke)\"").matcher(page);
		assertThat(revoke.find()).isTrue();
		browser.post(revoke.group(1), browser.withCsrf());
		assertThat(client().get("/api/v1/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
	}

	@Test
	void unknownApiPathsAndMethodsAnswerProblemJson() {
		String token = tokenFor(uniqueEmail("paths"));
		assertProblem(client().get("/api/v1/no-such-thing", "Authorization", "Bearer " + token), 404);
		assertProblem(client().get("/api/v1/accounts", "Authorization", "Bearer " + token), 405);
	}

	private String tokenFor(String email) {
		client().postJson("/api/v1/accounts", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
		HttpResponse<String> issued = client().postJson("/api/v1/auth/token",
				"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(issued.statusCode()).isEqualTo(200);
		assertThat(issued.body()).contains("\"expiresAt\":\"");
		Matcher token = TOKEN.matcher(issued.body());
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":" + status);
	}

}
