package io.newsstand.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.test.context.TestPropertySource;

/**
 * Search's per-client rate limit over HTTP: the page and the API share one
 * budget per address (or per signed-in account), and past it both answer 429
 * with {@code Retry-After}, never cacheable.
 */
@ResourceLock(SiteTest.CLOCK)
@TestPropertySource(properties = {"newsstand.search.rate-limit.requests=3", "newsstand.search.rate-limit.window=1m"})
class SearchRateLimitTest extends SiteTest {

	@Test
	void pastTheLimitPageAndApiAnswer429WithRetryAfter() {
		// The clock stands still at the start of a window, so the test never straddles
		// two; this context has a Redis database of its own.
		clock.set(Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(1));
		SiteClient anonymous = client();
		assertThat(anonymous.get("/search?q=ferry").statusCode()).isEqualTo(200);
		assertThat(anonymous.get("/api/v1/search?q=ferry").statusCode()).isEqualTo(200);
		assertThat(anonymous.get("/search?q=harbour").statusCode()).isEqualTo(200);

		HttpResponse<String> page = anonymous.get("/search?q=ferry");
		assertThat(page.statusCode()).isEqualTo(429);
		assertThat(page.body()).contains("Too many searches").contains("id=\"search-limited\"")
				.doesNotContain("search-result\"");
		assertRetryAfterWithinTheWindow(page);
		assertThat(page.headers().firstValue("Cache-Control"))
				.hasValueSatisfying(value -> assertThat(value).contains("no-store"));

		HttpResponse<String> api = client().get("/api/v1/search?q=ferry");
		assertThat(api.statusCode()).isEqualTo(429);
		assertThat(api.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(api.body()).contains("Too many searches");
		assertRetryAfterWithinTheWindow(api);

		// The empty form is not a search.
		assertThat(client().get("/search").statusCode()).isEqualTo(200);
		// A signed-in reader counts by account, not by the shared address.
		SiteClient reader = client();
		reader.signUp(uniqueEmail("limited"), "juniper anchor ribbon");
		assertThat(reader.get("/search?q=ferry").statusCode()).isEqualTo(200);

		clock.set(clock.instant().plus(Duration.ofMinutes(1)));
		assertThat(client().get("/api/v1/search?q=ferry").statusCode()).isEqualTo(200);
	}

	private static void assertRetryAfterWithinTheWindow(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Retry-After"))
				.hasValueSatisfying(value -> assertThat(Long.parseLong(value)).isBetween(1L, 60L));
	}

}
