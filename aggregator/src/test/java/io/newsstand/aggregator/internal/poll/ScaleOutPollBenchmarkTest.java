package io.newsstand.aggregator.internal.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.newsstand.aggregator.internal.catalog.Catalog;
import io.newsstand.aggregator.internal.fetch.TestServer;
import io.newsstand.testing.RedisProcess;
import io.newsstand.testing.RedisTestCluster;
import io.newsstand.testing.SettableClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * 2,000 feeds on 20 loopback hosts (90% answer 304, 10% changed each cycle),
 * polled by 1, 2 and 3 poller nodes on a real Redis Cluster of 3 masters and 3
 * replicas: each node a real {@link PollCycle} with its own Lettuce cluster
 * connection, as separate JVMs would have, all claiming from the one schedule
 * at once. Per node count: the cycle time (all due at once until every feed is
 * polled), feeds/s, Redis commands per feed (summed over the masters), and
 * duplicates (a feed fetched twice in a cycle; must be 0); ratios against 1
 * node in the same run. Not part of {@code mvn verify}:
 * {@code mvn -Pbenchmarks -pl aggregator -am test -Dtest=ScaleOutPollBenchmarkTest}.
 */
@Tag("benchmark")
class ScaleOutPollBenchmarkTest {

	private static final int FEEDS = 2000;

	private static final int HOSTS = 20;

	private static final int WARM_UP = 2;

	private static final int CYCLES = 5;

	private static final Instant NOW = Instant.parse("2025-06-04T12:00:00Z");

	@Test
	void onePollerNodeAgainstTwoAndThree() throws Exception {
		AtomicInteger generation = new AtomicInteger();
		AtomicIntegerArray fetches = new AtomicIntegerArray(FEEDS);
		String[] bodies = new String[FEEDS];
		for (int i = 0; i < FEEDS; i++) {
			bodies[i] = Rss.feed("f" + i, 20, NOW, 30);
		}
		HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 200);
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.createContext("/feeds/", exchange -> {
			int i = Integer.parseInt(exchange.getRequestURI().getPath().substring("/feeds/".length()));
			fetches.incrementAndGet(i);
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
		server.start();
		int port = server.getAddress().getPort();
		List<String> urls = new ArrayList<>();
		String[] hosts = new String[HOSTS];
		for (int h = 0; h < HOSTS; h++) {
			hosts[h] = "127.0.0." + (h + 1) + ":" + port;
		}
		for (int i = 0; i < FEEDS; i++) {
			urls.add("http://" + hosts[i % HOSTS] + "/feeds/" + i);
		}
		Catalog catalog = new Catalog("bench", List.of(PollingFixture.publisher("bench", urls)));
		List<double[]> results = new ArrayList<>();
		try (RedisTestCluster cluster = RedisTestCluster.start()) {
			for (int nodes = 1; nodes <= 3; nodes++) {
				cluster.flushAll();
				results.add(run(cluster, catalog, hosts, nodes, generation, fetches));
			}
		} finally {
			server.stop(0);
		}
		double[] one = results.get(0);
		StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
				"%n-- PollCycle nodes on a 3+3 Redis Cluster: %,d feeds on %d hosts, 90%% 304 (median of %d cycles) --%n",
				FEEDS, HOSTS, CYCLES));
		for (int n = 0; n < results.size(); n++) {
			double[] r = results.get(n);
			report.append(String.format(Locale.ROOT,
					"%d node(s): cycle %.2f s, %.0f feeds/s (%.2fx 1 node), %.1f Redis commands/feed, "
							+ "%d duplicate fetches, %d feeds polled by the busiest node%n",
					n + 1, r[0], r[1], r[1] / one[1], r[2], (long) r[3], (long) r[4]));
		}
		report.append("load average ").append(loadAverage());
		System.out.println(report);
		results.forEach(r -> assertThat((long) r[3]).as("duplicate fetches").isZero());
	}

	/** Median cycle seconds, feeds/s, commands/feed; duplicates; max per node. */
	private static double[] run(RedisTestCluster cluster, Catalog catalog, String[] hosts, int nodes,
			AtomicInteger generation, AtomicIntegerArray fetches) throws Exception {
		SettableClock clock = new SettableClock(NOW);
		List<LettuceConnectionFactory> factories = new ArrayList<>();
		List<PollCycle> pollers = new ArrayList<>();
		for (int n = 0; n < nodes; n++) {
			LettuceConnectionFactory factory = factory(cluster);
			factories.add(factory);
			PollingFixture fixture = new PollingFixture(new StringRedisTemplate(factory), clock, hosts);
			pollers.add(fixture.poller(catalog, "node-" + n, 100, 300, Runtime.getRuntime().availableProcessors()));
		}
		List<double[]> cycles = new ArrayList<>();
		long duplicates = 0;
		long busiest = 0;
		try (ExecutorService threads = Executors.newFixedThreadPool(nodes)) {
			pollers.get(0).syncCatalog();
			for (int cycle = -WARM_UP; cycle < CYCLES; cycle++) {
				generation.incrementAndGet();
				clock.advance(Duration.ofHours(7)); // every feed due again
				for (int i = 0; i < FEEDS; i++) {
					fetches.set(i, 0);
				}
				long commands0 = commands(cluster);
				long t0 = System.nanoTime();
				List<Future<Integer>> polled = new ArrayList<>();
				for (PollCycle poller : pollers) {
					polled.add(threads.submit(poller::pollDue));
				}
				int total = 0;
				long most = 0;
				for (Future<Integer> future : polled) {
					int count = future.get();
					total += count;
					most = Math.max(most, count);
				}
				double seconds = (System.nanoTime() - t0) / 1e9;
				long commands = commands(cluster) - commands0;
				assertThat(total).as("feeds polled in a cycle").isEqualTo(FEEDS);
				long fetched = 0;
				for (int i = 0; i < FEEDS; i++) {
					fetched += fetches.get(i);
					assertThat(fetches.get(i)).as("fetches of feed " + i).isPositive();
				}
				System.out.printf(Locale.ROOT,
						"%d node(s), %s %d: %.2f s, %.0f feeds/s, %.1f commands/feed, %d "
								+ "duplicate fetches, busiest node %d feeds%n",
						nodes, cycle < 0 ? "warm-up" : "cycle", cycle < 0 ? cycle + WARM_UP + 1 : cycle + 1, seconds,
						FEEDS / seconds, (double) commands / FEEDS, fetched - FEEDS, most);
				if (cycle >= 0) {
					cycles.add(new double[]{seconds, FEEDS / seconds, (double) commands / FEEDS});
					duplicates += fetched - FEEDS;
					busiest = Math.max(busiest, most);
				}
			}
		} finally {
			pollers.forEach(PollCycle::close);
			factories.forEach(LettuceConnectionFactory::destroy);
		}
		return new double[]{median(cycles, 0), median(cycles, 1), median(cycles, 2), duplicates, busiest};
	}

	/** A node's connection, configured as the app configures it on a Cluster. */
	private static LettuceConnectionFactory factory(RedisTestCluster cluster) {
		ClusterClientOptions options = ClusterClientOptions
				.builder().topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
						.enableAllAdaptiveRefreshTriggers().enablePeriodicRefresh(Duration.ofSeconds(5)).build())
				.build();
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisClusterConfiguration(List.of(cluster.nodesProperty().split(","))), LettuceClientConfiguration
						.builder().clientOptions(options).commandTimeout(Duration.ofSeconds(10)).build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	/** Commands the masters processed so far (the INFO calls count a few). */
	private static long commands(RedisTestCluster cluster) {
		long sum = 0;
		for (RedisProcess node : cluster.nodes()) {
			String info = node.call(redis -> redis.info("replication") + redis.info("stats"));
			if (info.contains("role:master")) {
				sum += info.lines().filter(line -> line.startsWith("total_commands_processed:"))
						.mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).strip())).sum();
			}
		}
		return sum;
	}

	private static double median(List<double[]> rows, int column) {
		double[] values = rows.stream().mapToDouble(row -> row[column]).sorted().toArray();
		return values[values.length / 2];
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		} catch (IOException ex) {
			return "unknown";
		}
	}

}
