package io.newsstand.aggregator.internal.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.internal.fetch.FetchResult.FailureKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedFetcherTest {

	private static final Instant NOW = Instant.parse("2025-06-04T12:00:00Z");

	private static final String RSS = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";

	private final TestServer server = new TestServer();

	private final TestServer other = new TestServer();

	@AfterEach
	void stop() {
		this.server.close();
		this.other.close();
	}

	private FeedFetcher fetcher(Duration timeout, long maxBytes, String... allowed) {
		return new FeedFetcher(
				new FetchSettings(Duration.ofSeconds(5), timeout, maxBytes, 2,
						"NewsstandBot/test (+https://example.test)"),
				new PrivateNetworkGuard(List.of(allowed)), InstantSource.fixed(NOW));
	}

	private FeedFetcher fetcher() {
		return fetcher(Duration.ofSeconds(30), 1_000_000, this.server.hostPort());
	}

	private FetchResult get(String path) {
		return fetcher().fetch(new FetchRequest("f", this.server.url(path), null, null));
	}

	@Test
	void okReturnsTheBodyAndTheValidatorsExactlyAsReceived() {
		this.server.on("/feed", exchange -> {
			exchange.getResponseHeaders().set("ETag", "W/\"abc\"");
			exchange.getResponseHeaders().set("Last-Modified", "Tue, 03 Jun 2025 10:00:00 GMT");
			exchange.getResponseHeaders().set("Cache-Control", "public, max-age=600");
			TestServer.send(exchange, 200, "application/rss+xml", RSS);
		});
		FetchResult result = get("/feed");
		assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, fetched -> {
			assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(RSS);
			assertThat(fetched.etag()).isEqualTo("W/\"abc\"");
			assertThat(fetched.lastModified()).isEqualTo("Tue, 03 Jun 2025 10:00:00 GMT");
			assertThat(fetched.maxAge()).isEqualTo(Duration.ofMinutes(10));
			assertThat(fetched.contentType()).isEqualTo("application/rss+xml");
		});
	}

	@Test
	void validatorsAreSentBackAnd304IsNotModifiedWithRefreshedValidators() {
		List<String> seen = new CopyOnWriteArrayList<>();
		this.server.on("/feed", exchange -> {
			seen.add(exchange.getRequestHeaders().getFirst("If-None-Match") + "|"
					+ exchange.getRequestHeaders().getFirst("If-Modified-Since"));
			exchange.getResponseHeaders().set("ETag", "\"v2\"");
			TestServer.send(exchange, 304, null, new byte[0]);
		});
		FetchResult result = fetcher()
				.fetch(new FetchRequest("f", this.server.url("/feed"), "\"v1\"", "Tue, 03 Jun 2025 10:00:00 GMT"));
		assertThat(seen).containsExactly("\"v1\"|Tue, 03 Jun 2025 10:00:00 GMT");
		assertThat(result).isEqualTo(new FetchResult.NotModified("\"v2\"", null, null, null));
	}

	/**
	 * A hostile server's validator that is no valid request header value (a line
	 * break, a control character) is not sent back: the feed is fetched without it,
	 * every time, and no connection permit for the host is lost on the way (with
	 * two per host, the third fetch waited for a permit that never came back).
	 */
	@Test
	void aValidatorThatCannotBeSentIsLeftOutAndCostsNoPermit() {
		List<String> seen = new CopyOnWriteArrayList<>();
		this.server.on("/feed", exchange -> {
			seen.add(exchange.getRequestHeaders().getFirst("If-None-Match") + "|"
					+ exchange.getRequestHeaders().getFirst("If-Modified-Since"));
			TestServer.send(exchange, 200, "application/rss+xml", RSS);
		});
		FeedFetcher fetcher = fetcher(Duration.ofSeconds(1), 1_000_000, this.server.hostPort());
		for (int i = 0; i < 4; i++) {
			assertThat(fetcher.fetch(
					new FetchRequest("f", this.server.url("/feed"), "\"v1\r\nX-Injected: yes\"", "Tue,\u0000 03 Jun")))
					.as("fetch " + i).isInstanceOf(FetchResult.Fetched.class);
		}
		assertThat(seen).hasSize(4).containsOnly("null|null");
	}

	@Test
	void anHonestUserAgentIsSentAndCookiesAreNeverReturned() {
		List<String> seen = new CopyOnWriteArrayList<>();
		this.server.on("/start", exchange -> {
			exchange.getResponseHeaders().set("Set-Cookie", "session=1; Path=/");
			exchange.getResponseHeaders().set("Location", "/feed");
			TestServer.send(exchange, 302, null, new byte[0]);
		});
		this.server.on("/feed", exchange -> {
			seen.add(exchange.getRequestHeaders().getFirst("User-Agent") + "|"
					+ exchange.getRequestHeaders().getFirst("Cookie"));
			TestServer.send(exchange, 200, "application/rss+xml", RSS);
		});
		assertThat(get("/start")).isInstanceOf(FetchResult.Fetched.class);
		assertThat(seen).containsExactly("NewsstandBot/test (+https://example.test)|null");
	}

	@Test
	void gzipAndDeflateBodiesAreDecompressed() throws IOException {
		byte[] gzipped = gzip(RSS.getBytes(StandardCharsets.UTF_8));
		ByteArrayOutputStream deflated = new ByteArrayOutputStream();
		try (DeflaterOutputStream out = new DeflaterOutputStream(deflated)) {
			out.write(RSS.getBytes(StandardCharsets.UTF_8));
		}
		this.server.on("/gzip", exchange -> {
			exchange.getResponseHeaders().set("Content-Encoding", "gzip");
			TestServer.send(exchange, 200, "application/rss+xml", gzipped);
		});
		this.server.on("/deflate", exchange -> {
			exchange.getResponseHeaders().set("Content-Encoding", "deflate");
			TestServer.send(exchange, 200, "application/rss+xml", deflated.toByteArray());
		});
		for (String path : List.of("/gzip", "/deflate")) {
			assertThat(get(path)).isInstanceOfSatisfying(FetchResult.Fetched.class,
					fetched -> assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(RSS));
		}
	}

	@Test
	void permanentRedirectChainGivesTheNewUrl() {
		redirect("/a", 301, "/b");
		redirect("/b", 308, "/c");
		this.server.on("/c", exchange -> TestServer.send(exchange, 200, "application/rss+xml", RSS));
		assertThat(get("/a").permanentUrl()).isEqualTo(this.server.url("/c"));
	}

	@Test
	void aTemporaryHopAnywhereInTheChainKeepsTheStoredUrl() {
		redirect("/a", 301, "/b");
		redirect("/b", 302, "/c");
		redirect("/t", 307, "/c");
		this.server.on("/c", exchange -> TestServer.send(exchange, 200, "application/rss+xml", RSS));
		assertThat(get("/a")).isInstanceOf(FetchResult.Fetched.class).extracting(FetchResult::permanentUrl).isNull();
		assertThat(get("/t")).isInstanceOf(FetchResult.Fetched.class).extracting(FetchResult::permanentUrl).isNull();
	}

	@Test
	void moreThanFiveRedirectsFail() {
		for (int i = 0; i < 7; i++) {
			redirect("/r" + i, 302, "/r" + (i + 1));
		}
		assertThat(get("/r0")).isInstanceOfSatisfying(FetchResult.Failed.class,
				failed -> assertThat(failed.kind()).isEqualTo(FailureKind.TOO_MANY_REDIRECTS));
	}

	@Test
	void notFoundAndServerErrorsAreHttpStatusFailures() {
		this.server.on("/missing", exchange -> TestServer.send(exchange, 404, "text/html", "<h1>nope</h1>"));
		this.server.on("/broken", exchange -> TestServer.send(exchange, 500, "text/plain", "oops"));
		assertThat(get("/missing")).isEqualTo(new FetchResult.Failed(FailureKind.HTTP_STATUS, 404, "HTTP 404"));
		assertThat(get("/broken")).isEqualTo(new FetchResult.Failed(FailureKind.HTTP_STATUS, 500, "HTTP 500"));
	}

	@Test
	void goneIsItsOwnOutcome() {
		this.server.on("/gone", exchange -> TestServer.send(exchange, 410, null, new byte[0]));
		assertThat(get("/gone")).isInstanceOf(FetchResult.Gone.class);
	}

	@Test
	void tooManyRequestsHonoursRetryAfterInSeconds() {
		this.server.on("/busy", exchange -> {
			exchange.getResponseHeaders().set("Retry-After", "120");
			TestServer.send(exchange, 429, null, new byte[0]);
		});
		assertThat(get("/busy")).isEqualTo(new FetchResult.RateLimited(429, NOW.plusSeconds(120)));
	}

	@Test
	void serviceUnavailableHonoursRetryAfterAsADate() {
		this.server.on("/down", exchange -> {
			exchange.getResponseHeaders().set("Retry-After", "Wed, 04 Jun 2025 13:30:00 GMT");
			TestServer.send(exchange, 503, null, new byte[0]);
		});
		assertThat(get("/down")).isEqualTo(new FetchResult.RateLimited(503, Instant.parse("2025-06-04T13:30:00Z")));
	}

	@Test
	void aServerThatNeverAnswersTimesOut() {
		this.server.on("/hang", exchange -> sleep(5000));
		FetchResult result = fetcher(Duration.ofMillis(500), 1_000_000, this.server.hostPort())
				.fetch(new FetchRequest("f", this.server.url("/hang"), null, null));
		assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
				failed -> assertThat(failed.kind()).isEqualTo(FailureKind.TIMEOUT));
	}

	@Test
	void aSlowDripBodyHitsTheWholeRequestDeadline() {
		this.server.on("/drip", exchange -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				for (int i = 0; i < 100; i++) {
					out.write('<');
					out.flush();
					sleep(100);
				}
			}
		});
		long started = System.nanoTime();
		FetchResult result = fetcher(Duration.ofMillis(800), 1_000_000, this.server.hostPort())
				.fetch(new FetchRequest("f", this.server.url("/drip"), null, null));
		assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
				failed -> assertThat(failed.kind()).isEqualTo(FailureKind.TIMEOUT));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(8000));
	}

	@Test
	void anOversizedBodyIsRefusedWhileStreamingWithOrWithoutContentLength() {
		byte[] big = new byte[200_000];
		this.server.on("/declared", exchange -> TestServer.send(exchange, 200, "application/rss+xml", big));
		this.server.on("/chunked", exchange -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				for (int i = 0; i < 20; i++) {
					out.write(new byte[10_000]);
				}
			}
		});
		FeedFetcher fetcher = fetcher(Duration.ofSeconds(30), 50_000, this.server.hostPort());
		for (String path : List.of("/declared", "/chunked")) {
			assertThat(fetcher.fetch(new FetchRequest("f", this.server.url(path), null, null))).isInstanceOfSatisfying(
					FetchResult.Failed.class, failed -> assertThat(failed.kind()).isEqualTo(FailureKind.TOO_LARGE));
		}
	}

	@Test
	void aGzipBombIsStoppedAtTheCapAfterDecompression() throws IOException {
		byte[] bomb = gzip(new byte[20_000_000]);
		assertThat(bomb.length).isLessThan(50_000);
		this.server.on("/bomb", exchange -> {
			exchange.getResponseHeaders().set("Content-Encoding", "gzip");
			TestServer.send(exchange, 200, "application/rss+xml", bomb);
		});
		FetchResult result = fetcher(Duration.ofSeconds(30), 1_000_000, this.server.hostPort())
				.fetch(new FetchRequest("f", this.server.url("/bomb"), null, null));
		assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
			assertThat(failed.kind()).isEqualTo(FailureKind.TOO_LARGE);
			assertThat(failed.message()).contains("decompressed");
		});
	}

	@Test
	void anEmptyBodyIsAFailure() {
		this.server.on("/empty", exchange -> TestServer.send(exchange, 200, "application/rss+xml", new byte[0]));
		assertThat(get("/empty")).isInstanceOfSatisfying(FetchResult.Failed.class,
				failed -> assertThat(failed.kind()).isEqualTo(FailureKind.EMPTY));
	}

	@Test
	void privateAddressesAreRefusedUnlessAllowed() {
		this.server.on("/feed", exchange -> TestServer.send(exchange, 200, "application/rss+xml", RSS));
		FetchResult refused = fetcher(Duration.ofSeconds(30), 1_000_000)
				.fetch(new FetchRequest("f", this.server.url("/feed"), null, null));
		assertThat(refused).isInstanceOfSatisfying(FetchResult.Failed.class, failed -> {
			assertThat(failed.kind()).isEqualTo(FailureKind.BLOCKED_ADDRESS);
			assertThat(failed.message()).contains("127.0.0.1").contains("allowed-private-hosts");
		});
		assertThat(get("/feed")).isInstanceOf(FetchResult.Fetched.class);
	}

	@Test
	void aRedirectToAPrivateAddressIsRefused() {
		this.other.on("/internal", exchange -> TestServer.send(exchange, 200, "application/rss+xml", RSS));
		this.server.on("/jump", exchange -> {
			exchange.getResponseHeaders().set("Location", "http://localhost:" + this.other.port() + "/internal");
			TestServer.send(exchange, 302, null, new byte[0]);
		});
		assertThat(get("/jump")).isInstanceOfSatisfying(FetchResult.Failed.class,
				failed -> assertThat(failed.kind()).isEqualTo(FailureKind.BLOCKED_ADDRESS));
	}

	@Test
	void nonHttpSchemesAreRefused() {
		assertThat(fetcher().fetch(new FetchRequest("f", URI.create("file:///etc/passwd"), null, null)))
				.isInstanceOfSatisfying(FetchResult.Failed.class,
						failed -> assertThat(failed.kind()).isEqualTo(FailureKind.BLOCKED_ADDRESS));
	}

	@Test
	void atMostTwoRequestsPerHostAreInFlight() throws Exception {
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger highest = new AtomicInteger();
		this.server.on("/slow", exchange -> {
			highest.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
			sleep(150);
			inFlight.decrementAndGet();
			TestServer.send(exchange, 200, "application/rss+xml", RSS);
		});
		FeedFetcher fetcher = fetcher();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<FetchResult>> results = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				results.add(threads
						.submit(() -> fetcher.fetch(new FetchRequest("f", this.server.url("/slow"), null, null))));
			}
			for (Future<FetchResult> result : results) {
				assertThat(result.get()).isInstanceOf(FetchResult.Fetched.class);
			}
		}
		assertThat(highest.get()).isEqualTo(2);
	}

	private void redirect(String from, int status, String to) {
		this.server.on(from, exchange -> {
			exchange.getResponseHeaders().set("Location", to);
			TestServer.send(exchange, status, null, new byte[0]);
		});
	}

	private static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.toByteArray();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
