package io.newsstand.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.redis.WebKeys;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The app behind an HTTPS proxy that the operator configured (here on
 * loopback): the proxy's {@code X-Forwarded-For} is the client's address for
 * rate limits, and its {@code X-Forwarded-Proto: https} makes every cookie
 * {@code Secure} (and {@code SameSite=Lax}).
 */
@ResourceLock(SiteTest.CLOCK)
@TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=127.0.0.1/32, ::1/128")
class TrustedProxyTest extends SiteTest {

	private static final String PASSWORD = "orchard signal velvet";

	private static final String[] THROUGH_THE_PROXY = {"X-Forwarded-For", "203.0.113.44", "X-Forwarded-Proto", "https"};

	@Autowired
	StringRedisTemplate redis;

	@Test
	void behindAnHttpsProxyEveryCookieIsSecureAndSameSiteLax() {
		String email = uniqueEmail("proxied");
		client().signUp(email, PASSWORD);
		SiteClient browser = client();
		HttpResponse<String> form = browser.get("/signin", THROUGH_THE_PROXY);
		List<String> cookies = new ArrayList<>(form.headers().allValues("Set-Cookie"));
		// The client speaks plain HTTP to the "proxy", so it would not send a Secure
		// cookie back: hand it over as the proxy would.
		String csrf = cookies.stream().filter(c -> c.startsWith("newsstand-csrf=")).findFirst()
				.map(c -> HttpCookie.parse(c).get(0).getValue()).orElseThrow();
		browser.addCookie("newsstand-csrf", csrf);
		HttpResponse<String> signedIn = browser
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/signin"))
						.header("Content-Type", "application/x-www-form-urlencoded").headers(THROUGH_THE_PROXY)
						.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + browser.csrf() + "&email="
								+ URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
								+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&remember=true"))
						.build());
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		cookies.addAll(signedIn.headers().allValues("Set-Cookie"));
		assertThat(cookies).anyMatch(c -> c.startsWith("SESSION=")).anyMatch(c -> c.startsWith("newsstand-remember="))
				.anyMatch(c -> c.startsWith("newsstand-csrf="));
		assertThat(cookies).allSatisfy(c -> assertThat(c).containsIgnoringCase("SameSite=Lax").contains("Secure"));
	}

	@Test
	void theConfiguredProxysForwardedAddressIsTheClientForRateLimits() {
		long window = clock.millis() / Duration.ofHours(1).toMillis();
		String key = WebKeys.signUpsForAddress("203.0.113.44", window);
		this.redis.delete(key);
		SiteClient browser = client();
		browser.get("/signup");
		HttpResponse<String> signedUp = browser.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/signup"))
				.header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", "203.0.113.44")
				.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + browser.csrf() + "&email="
						+ URLEncoder.encode(uniqueEmail("counted"), StandardCharsets.UTF_8) + "&password="
						+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)))
				.build());
		assertThat(signedUp.statusCode()).isEqualTo(302);
		assertThat(this.redis.opsForValue().get(key)).isEqualTo("1");
		assertThat(client().get("/dev/outbox", "X-Forwarded-For", "203.0.113.44").statusCode())
				.as("a reader elsewhere, through the proxy").isEqualTo(404);
	}

}
