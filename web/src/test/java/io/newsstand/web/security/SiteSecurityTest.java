package io.newsstand.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.account.Account;
import io.newsstand.web.account.AccountStore;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Headers, sessions and roles as every page sees them.
 */
@ResourceLock(SiteTest.CLOCK)
class SiteSecurityTest extends SiteTest {

	private static final String PASSWORD = "lantern meadow quartz";

	@Autowired
	AccountStore accounts;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void anonymousPagesSetNoCookieAndCreateNoSession() {
		for (String path : new String[]{"/", "/css/site.css", "/no-such-page"}) {
			HttpResponse<String> response = client().get(path, "Accept", "text/html");
			assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
		}
	}

	@Test
	void aFormPageSetsOnlyTheCsrfCookieNotASession() {
		HttpResponse<String> signIn = client().get("/signin");
		assertThat(signIn.headers().allValues("Set-Cookie")).singleElement()
				.satisfies(cookie -> assertThat(cookie).startsWith("newsstand-csrf=").contains("HttpOnly"));
	}

	@Test
	void everyPageCarriesTheSecurityHeaders() {
		HttpResponse<String> page = client().get("/");
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
				.contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		// HSTS only over HTTPS: a plain-HTTP answer must not pin the host.
		assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
		// Scripts only from files (the CSP allows no inline script).
		assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain("style=");
	}

	@Test
	void everyPageShowsTheSandboxBanner() {
		assertThat(client().get("/").body()).contains("Payments are simulated");
		assertThat(client().get("/signin").body()).contains("Payments are simulated");
		assertThat(client().get("/no-such-page", "Accept", "text/html").body()).contains("Payments are simulated");
	}

	@Test
	void unknownPagesAnswerA404PageInTheLayoutOrProblemJson() {
		HttpResponse<String> page = client().get("/no-such-page", "Accept", "text/html");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("<h1>Page not found</h1>").containsPattern("/css/site-[0-9a-f]{32}\\.css");
		HttpResponse<String> json = client().get("/no-such-page", "Accept", "application/json");
		assertThat(json.statusCode()).isEqualTo(404);
		assertThat(json.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void operatorPagesNeedTheAdminRole() {
		HttpResponse<String> anonymous = client().get("/actuator/metrics", "Accept", "text/html");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/signin?next=%2Factuator%2Fmetrics"));

		SiteClient reader = client();
		String readerEmail = uniqueEmail("reader");
		reader.signUp(readerEmail, PASSWORD);
		HttpResponse<String> forbidden = reader.get("/actuator/metrics", "Accept", "text/html");
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("<h1>Not allowed</h1>");

		String adminEmail = uniqueEmail("admin");
		SiteClient admin = client();
		admin.signUp(adminEmail, PASSWORD);
		Account account = this.accounts.findByEmail(adminEmail).orElseThrow();
		this.accounts.updateRoles(account.id(), Set.of(Account.READER, Account.ADMIN));
		admin.signIn(adminEmail, PASSWORD);
		assertThat(admin.get("/actuator/metrics").statusCode()).isEqualTo(200);
		assertThat(admin.get("/").body()).contains("href=\"/operator\"");

		HttpResponse<String> readersOperatorApi = client().get("/api/v1/operator/feeds", "Authorization",
				"Bearer " + token(readerEmail));
		assertThat(readersOperatorApi.statusCode()).isEqualTo(403);
		assertThat(readersOperatorApi.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(client().get("/api/v1/operator/feeds", "Authorization", "Bearer " + token(adminEmail)).statusCode())
				.isEqualTo(200);
	}

	@Test
	void aSignedInRequestReadsItsSessionWithoutWritingItBack() {
		SiteClient reader = client();
		reader.signUp(uniqueEmail("session"), PASSWORD);
		String id = new String(Base64.getDecoder().decode(reader.cookie("SESSION").orElseThrow()),
				StandardCharsets.UTF_8);
		String key = "newsstand:session:sessions:" + id;
		assertThat(this.redis.hasKey(key)).isTrue();
		// The first signed-in page of a session writes it once: it puts the reader's
		// settings in it (docs/offline.md). Every page after that only reads it.
		assertThat(reader.get("/").statusCode()).isEqualTo(200);
		Object before = this.redis.opsForHash().get(key, "lastAccessedTime");
		assertThat(reader.get("/account").statusCode()).isEqualTo(200);
		assertThat(reader.get("/").statusCode()).isEqualTo(200);
		assertThat(this.redis.opsForHash().get(key, "lastAccessedTime")).isEqualTo(before);
	}

	private String token(String email) {
		String body = client()
				.postJson("/api/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
				.body();
		Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(body);
		assertThat(token.find()).as(body).isTrue();
		return token.group(1);
	}

	@Test
	void healthStaysPublic() {
		assertThat(client().get("/actuator/health").statusCode()).isEqualTo(200);
	}

}
