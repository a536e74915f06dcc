package io.newsstand.web.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of malformed and hostile requests against the app as a process:
 * every one is answered 4xx, never 5xx, and the app's log stays quiet (no stack
 * trace, no ERROR, a bounded number of bytes per thousand requests).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JunkInputTest {

	private static final int REQUESTS = 1000;

	private AppProcess app;

	@BeforeAll
	void start(@TempDir Path dir) {
		// No polling: only what the junk requests cause is in the log.
		this.app = AppProcess.start(dir, "app.log", "newsstand.aggregator.polling-enabled=false");
	}

	@AfterAll
	void stop() {
		if (this.app != null) {
			this.app.close();
		}
	}

	@Test
	void aThousandJunkRequestsGet4xxAndLeaveTheLogQuiet() throws Exception {
		List<Function<Integer, HttpRequest.Builder>> corpus = corpus();
		// Tomcat logs its first request-parsing error once at INFO; make it happen
		// before counting.
		this.app.send(request("/%00"));
		long logBefore = this.app.logSize();
		Map<String, Integer> statuses = new TreeMap<>();
		for (int i = 0; i < REQUESTS; i++) {
			HttpRequest.Builder junk = corpus.get(i % corpus.size()).apply(i);
			HttpResponse<String> response = this.app.send(junk);
			String what = junk.build().method() + " " + junk.build().uri().getRawPath();
			assertThat(response.statusCode()).as(what + " answered " + response.body()).isBetween(400, 499);
			statuses.merge(Integer.toString(response.statusCode()), 1, Integer::sum);
		}
		long logBytes = this.app.logSize() - logBefore;
		String logged = this.app.log().substring((int) logBefore);
		System.out.printf("Junk: %d requests, statuses %s, %d bytes of log%n", REQUESTS, statuses, logBytes);
		assertThat(logged).doesNotContain("\tat ").doesNotContain(" ERROR ");
		// Was 21 KB per unknown article alone.
		assertThat(logBytes).isLessThan(10_000);
	}

	@Test
	void aNulInThePathGetsTheSitesOwn400NotTomcatsPage() throws Exception {
		HttpResponse<String> page = this.app.send(request("/articles/%00").header("Accept", "text/html"));
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("Something in the request was wrong").contains("Newsstand")
				.doesNotContain("Apache Tomcat");

		HttpResponse<String> problem = this.app
				.send(request("/api/v1/articles/%00").header("Accept", "application/json"));
		assertThat(problem.statusCode()).isEqualTo(400);
		assertThat(problem.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(problem.body()).contains("\"status\":400");
	}

	private List<Function<Integer, HttpRequest.Builder>> corpus() {
		return List.of(i -> request("/articles/no-such-article-" + i),
				i -> request("/api/v1/articles/no-such-article-" + i),
				i -> request("/articles/no-such-article-" + i).header("Accept", "application/json"),
				i -> request("/?=x"), i -> request("/api/v1/articles?=" + i), i -> request("/search?=x&=y"),
				i -> request("/%00"), i -> request("/articles/%00" + i),
				i -> request("/api/v1/articles/%00").header("Accept", "application/json"),
				i -> request("/").header("Content-Type", "multipart/form-data")
						.POST(HttpRequest.BodyPublishers.ofString("x")),
				i -> request("/api/v1/auth/token").header("Content-Type", "multipart/form-data")
						.POST(HttpRequest.BodyPublishers.ofString("--x\r\n")),
				i -> request("/signup").header("Content-Type", "multipart/form-data; boundary=")
						.POST(HttpRequest.BodyPublishers.ofString("junk")),
				i -> request("/api/v1/accounts").header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"email\":")),
				i -> request("/api/v1/accounts").header("Content-Type", "text/plain")
						.POST(HttpRequest.BodyPublishers.ofString("hello")),
				i -> request("/api/v1/articles?limit=lots"), i -> request("/api/v1/articles?cursor=%ff%fe" + i),
				i -> request("/api/v1/articles").PUT(HttpRequest.BodyPublishers.ofString("{}")),
				i -> request("/api/v1/me"), i -> request("/api/v1/me").header("Authorization", "Bearer junk" + i),
				i -> request("/signin").POST(HttpRequest.BodyPublishers.ofString("username=a&password=b"))
						.header("Content-Type", "application/x-www-form-urlencoded"),
				i -> request("/articles/" + "x".repeat(4000)), i -> request("/publishers/%2e%2e%2f%2e%2e%2fetc"),
				i -> request("/no/such/page/" + i).header("Accept", "application/json"));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.app.baseUrl() + path));
	}

}
