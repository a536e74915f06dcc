package io.newsstand.aggregator.internal.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import io.newsstand.aggregator.internal.catalog.Catalog;
import io.newsstand.aggregator.internal.fetch.TestServer;
import io.newsstand.testing.BenchmarkGoal;
import io.newsstand.testing.RedisExtension;
import io.newsstand.testing.SettableClock;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * One full poll cycle of 2,000 feeds (90% answer 304, 10% changed) through the
 * real poller into real Redis, against plain GETs of the same URLs with the
 * same per-host concurrency, in the same run: rounds alternating the two sides,
 * four of them to warm up, then seven measured. Not part of {@code mvn verify}:
 * {@code mvn -Pbenchmarks -pl aggregator -am test}.
 */
@Tag("benchmark")
@ExtendWith(RedisExtension.class)
class PollCycleBenchmarkTest {

	private static final int FEEDS = 2000;

	private static final int WARM_UP_ROUNDS = 10;

	private static final int ROUNDS = 7;

	private static final Instant NOW = Instant.parse("2025-06-04T12:00:00Z");

	@Test
	void pollCycleAgainstPlainGets(StringRedisTemplate redis) throws Exception {
		redis.execute((RedisCallback<Object>) connection -> {
			connection.serverCommands().flushDb();
			return null;
		});
		AtomicInteger generation = new AtomicInteger();
		String[] bodies = new String[FEEDS];
		for (int i = 0; i < FEEDS; i++) {
			bodies[i] = Rss.feed("f" + i, 20, NOW, 30);
		}
		try (TestServer server = new TestServer()) {
			server.on("/feeds/", exchange -> {
				int i = Integer.parseInt(exchange.getRequestURI().getPath().substring("/feeds/".length()));
				// 10% of the feeds change between cycles.
				int version = i % 10 == 0 ? generation.get() : 0;
				String etag = "\"" + i + "-" + version + "\"";
				exchange.getResponseHeaders().set("ETag", etag);
				if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
					TestServer.send(exchange, 304, null, new byte[0]);
				} else {
					String body = version == 0 ? bodies[i] : bodies[i].replace("story 0<", "story 0 v" + version + "<");
					TestServer.send(exchange, 200, "application/rss+xml", body);
				}
			});
			List<String> urls = new ArrayList<>();
			for (int i = 0; i < FEEDS; i++) {
				urls.add(server.url("/feeds/" + i).toString());
			}
			SettableClock clock = new SettableClock(NOW);
			PollingFixture fixture = new PollingFixture(redis, clock, server.hostPort());
			Catalog catalog = new Catalog("bench", List.of(PollingFixture.publisher("bench", urls)));
			// The app's defaults (AggregatorProperties): batch-size 100, max-in-flight 300,
			// parse-threads one per processor; max-requests-per-host 2 (PollingFixture).
			PollCycle poller = fixture.poller(catalog, "bench", 100, 300, Runtime.getRuntime().availableProcessors());
			poller.syncCatalog();
			assertThat(poller.pollDue()).isEqualTo(FEEDS); // first cycle: everything new, validators stored
			OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
			// Rounds alternate the two sides, so both meet the same machine (other builds
			// come and go on it); the medians of the measured rounds are reported. The
			// warm-up rounds run each side in the shape it is measured in (the poller: 90%
			// 304, 10% changed; the plain client: 2,000 GETs), so neither pays for the JIT
			// compiling its path during the measurement.
			List<double[]> rounds = new ArrayList<>();
			for (int round = 1 - WARM_UP_ROUNDS; round <= ROUNDS; round++) {
				generation.incrementAndGet();
				clock.advance(Duration.ofHours(7)); // everything due again
				settle();
				double parsed0 = items(fixture, "parsed");
				double leftOut0 = items(fixture, "left-out");
				double notModified0 = outcomes(fixture, "not-modified");
				double fetched0 = outcomes(fixture, "fetched");
				long connections0 = connectionsReceived(redis);
				long cpu0 = os.getProcessCpuTime();
				Instant started = Instant.now(); // for lining up a profile with the rounds
				long t0 = System.nanoTime();
				int polled = poller.pollDue();
				long pollNanos = System.nanoTime() - t0;
				long pollCpu = os.getProcessCpuTime() - cpu0;
				long connections = connectionsReceived(redis) - connections0 - 1;
				assertThat(polled).isEqualTo(FEEDS);
				assertThat(outcomes(fixture, "not-modified") - notModified0).isEqualTo(FEEDS * 0.9);
				assertThat(outcomes(fixture, "fetched") - fetched0).isEqualTo(FEEDS * 0.1);
				// In each changed feed one item of 20 changed: the other 19 are left out.
				assertThat(items(fixture, "parsed") - parsed0).isEqualTo(FEEDS * 0.1);
				assertThat(items(fixture, "left-out") - leftOut0).isEqualTo(FEEDS * 0.1 * 19);

				settle();
				cpu0 = os.getProcessCpuTime();
				t0 = System.nanoTime();
				int fetched = plainGets(urls);
				long getNanos = System.nanoTime() - t0;
				long getCpu = os.getProcessCpuTime() - cpu0;
				assertThat(fetched).isEqualTo(FEEDS);

				double pollRate = polled / (pollNanos / 1e9);
				double getRate = fetched / (getNanos / 1e9);
				double[] numbers = {pollRate, pollCpu / 1e9 / polled * 1000, getRate, getCpu / 1e9 / fetched * 1000,
						pollRate / getRate};
				if (round > 0) {
					rounds.add(numbers);
				}
				System.out.printf(
						"%s %d (poll cycle from %s): poll cycle %d feeds (1,800 x 304, 200 changed) in %.2f s = %.0f feeds/s, %.2f CPU s "
								+ "per 1,000 feeds, %d Redis connections opened; plain GETs %d in %.2f s = %.0f/s, "
								+ "%.2f CPU s per 1,000; ratio %.2fx; load average %.2f%n",
						round > 0 ? "Round" : "Warm-up round", round > 0 ? round : round + WARM_UP_ROUNDS, started,
						polled, pollNanos / 1e9, numbers[0], numbers[1], connections, fetched, getNanos / 1e9,
						numbers[2], numbers[3], numbers[4], os.getSystemLoadAverage());
			}
			System.out.printf(
					"Poll cycle (median of %d rounds): %.0f feeds/s, %.2f CPU s per 1,000 feeds; plain GETs: %.0f/s, "
							+ "%.2f CPU s per 1,000; ratio %.2fx%n",
					ROUNDS, median(rounds, 0), median(rounds, 1), median(rounds, 2), median(rounds, 3),
					median(rounds, 4));
			// Tolerance 10%: rounds on a shared machine spread by about that much.
			BenchmarkGoal.atLeast("poll cycle / plain GETs", median(rounds, 4), 0.5, 0.10);
			poller.close();
		}
	}

	/**
	 * A pause before each side's run, so work the other side left behind (JIT
	 * compilations, collections, closing connections) is not billed to it.
	 */
	private static void settle() throws InterruptedException {
		Thread.sleep(500);
	}

	private static double median(List<double[]> rounds, int column) {
		double[] values = rounds.stream().mapToDouble(numbers -> numbers[column]).sorted().toArray();
		return values[values.length / 2];
	}

	private static double items(PollingFixture fixture, String parse) {
		return fixture.meters.counter("newsstand.feed.items", "parse", parse).count();
	}

	private static double outcomes(PollingFixture fixture, String outcome) {
		return fixture.meters.counter("newsstand.feed.polls", "outcome", outcome).count();
	}

	/** Connections Redis accepted so far (the reading itself opens none). */
	private static long connectionsReceived(StringRedisTemplate redis) {
		Properties stats = redis
				.execute((RedisCallback<Properties>) connection -> connection.serverCommands().info("stats"));
		return Long.parseLong(stats.getProperty("total_connections_received"));
	}

	/**
	 * Plain GETs of the same URLs, at most 2 in flight, as the poller does per
	 * host.
	 */
	private static int plainGets(List<String> urls) throws Exception {
		AtomicInteger ok = new AtomicInteger();
		Semaphore inFlight = new Semaphore(2);
		try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
				ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (String url : urls) {
				threads.submit(() -> {
					inFlight.acquire();
					try {
						HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
								HttpResponse.BodyHandlers.ofByteArray());
						if (response.statusCode() == 200) {
							ok.incrementAndGet();
						}
					} finally {
						inFlight.release();
					}
					return null;
				});
			}
		}
		return ok.get();
	}

}
