package io.newsstand.aggregator.internal.cluster;

import io.newsstand.aggregator.StoryArticle;
import io.newsstand.aggregator.internal.SyntheticNews;
import io.newsstand.testing.BenchmarkGoal;
import io.newsstand.testing.RedisTestDatabase;
import io.newsstand.testing.RedisTestServer;
import io.newsstand.testing.SettableClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Cluster assignment of 10,000 new articles against 100,000 existing ones in a
 * real Redis, against a plain Redis GET on the same connection (the floor of
 * any call that goes to Redis). Run with
 * {@code mvn -Pbenchmarks -pl aggregator -am test -Dtest=ClusterBenchmark}.
 */
@Tag("benchmark")
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClusterBenchmark {

	static final int EXISTING = 100_000;

	static final int NEW_PER_ITERATION = 10_000;

	static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

	private static final SyntheticNews NEWS = new SyntheticNews(30_000);

	private static LettuceConnectionFactory factory;

	private static StringRedisTemplate redis;

	private static RedisStoryClusters clusters;

	private static final SettableClock clock = new SettableClock(START);

	private static final SplittableRandom random = new SplittableRandom(7);

	private static final List<String[]> stories = new ArrayList<>();

	private List<StoryArticle> pending = List.of();

	private static final AtomicLong assigned = new AtomicLong();

	private static final AtomicLong rewrites = new AtomicLong();

	private static final AtomicLong clusteredRewrites = new AtomicLong();

	private static int sequence;

	/**
	 * Both benchmarks run against one store, loaded once (the runs are not forked).
	 */
	@Setup(Level.Trial)
	public void loadExistingArticles() {
		if (clusters != null) {
			return;
		}
		RedisTestDatabase database = RedisTestServer.get().leaseDatabase();
		factory = database.connectionFactory();
		redis = database.template(factory);
		redis.opsForValue().set("bench:get", "x");
		clusters = new RedisStoryClusters(redis, ClusterProperties.defaults(), clock);
		long started = System.nanoTime();
		int loaded = 0;
		for (StoryArticle article : batch(EXISTING)) {
			clock.set(article.publishedAt());
			clusters.assign(article);
			if (++loaded % 20_000 == 0) {
				System.out.printf("  %,d loaded after %.1f s%n", loaded, (System.nanoTime() - started) / 1e9);
			}
		}
		System.out.printf("Loaded %,d existing articles in %.1f s%n", EXISTING, (System.nanoTime() - started) / 1e9);
	}

	/**
	 * The next articles in publishing order, at a steady 100,000 per 72 hours (so
	 * the window always holds about 100,000): a third start a new story, the rest
	 * are another publisher's rewrite of a recent story.
	 */
	private List<StoryArticle> batch(int count) {
		List<StoryArticle> batch = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Instant at = START.plusMillis(sequence * (72L * 3_600_000 / EXISTING));
			String title;
			String lead;
			String kind = "r"; // a rewrite of a recent story
			if (stories.isEmpty() || random.nextInt(3) == 0) {
				kind = "s"; // a new story
				title = NEWS.text(random, 9, true);
				lead = NEWS.text(random, 30, true);
				stories.add(new String[]{title, lead});
			} else {
				String[] story = stories.get(stories.size() - 1 - random.nextInt(Math.min(stories.size(), 2_000)));
				title = NEWS.rewrite(story[0], random);
				lead = NEWS.rewrite(story[1], random);
			}
			batch.add(new StoryArticle(kind + sequence++, "publisher-" + random.nextInt(300), title, lead, at));
		}
		return batch;
	}

	@Setup(Level.Iteration)
	public void nextNewArticles() {
		this.pending = batch(NEW_PER_ITERATION);
	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OperationsPerInvocation(NEW_PER_ITERATION)
	public int assignNewArticles() {
		int clustered = 0;
		for (StoryArticle article : this.pending) {
			clock.set(article.publishedAt());
			boolean rewrite = article.id().startsWith("r");
			if (clusters.assign(article).clusterId() != null) {
				clustered++;
				if (rewrite) {
					clusteredRewrites.incrementAndGet();
				}
			}
			if (rewrite) {
				rewrites.incrementAndGet();
			}
		}
		assigned.addAndGet(this.pending.size());
		return clustered;
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	public String baselineRedisGet() {
		return redis.opsForValue().get("bench:get");
	}

	private static void close() {
		redis.execute((RedisCallback<Object>) connection -> {
			connection.serverCommands().flushDb();
			return null;
		});
		factory.destroy();
	}

	@Test
	void assignmentAgainstAPlainRedisGet() throws RunnerException {
		// JMH's machine-wide lock would stop this run while another module's benchmark
		// holds it; the machine is shared anyway, which docs/performance.md states next
		// to the numbers.
		System.setProperty("jmh.ignoreLock", "true");
		Collection<RunResult> results;
		double[] cpu;
		try {
			results = new Runner(new OptionsBuilder().include(getClass().getName() + "\\.").forks(0).warmupIterations(1)
					.measurementIterations(3).warmupTime(TimeValue.seconds(2)).measurementTime(TimeValue.seconds(3))
					.build()).run();
			cpu = cpuMicrosPerAssignment();
		} finally {
			if (clusters != null) {
				close();
			}
		}
		double assign = score(results, "assignNewArticles");
		double get = score(results, "baselineRedisGet");
		System.out.printf("%nDiscovery cluster assignment: %.1f us per article (10,000 new against %,d existing), "
				+ "plain Redis GET %.1f us: assignment costs %.1f GETs; %.1f%% of %,d rewrites of a recent story "
				+ "joined a cluster%n", assign, EXISTING, get, assign / get,
				100.0 * clusteredRewrites.get() / Math.max(1, rewrites.get()), rewrites.get());
		System.out.printf(
				"Discovery cluster assignment CPU time (immune to other processes on the machine): "
						+ "%.0f us in the JVM + %.0f us in Redis = %.0f us per article%n",
				cpu[0], cpu[1], cpu[0] + cpu[1]);
		// Goal: under 1 ms of CPU per new article (JVM and Redis); tolerance 10%.
		BenchmarkGoal.atMost("cluster assignment CPU us per article", cpu[0] + cpu[1], 1000, 0.10);
	}

	/**
	 * Wall-clock time on a machine shared with other builds mostly measures waiting
	 * for a core; CPU time spent by this thread and by the Redis server does not.
	 */
	private static double[] cpuMicrosPerAssignment() {
		ClusterBenchmark benchmark = new ClusterBenchmark();
		benchmark.nextNewArticles();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		double redisBefore = redisCpuSeconds();
		long before = threads.getCurrentThreadCpuTime();
		benchmark.assignNewArticles();
		long jvm = threads.getCurrentThreadCpuTime() - before;
		double redisSeconds = redisCpuSeconds() - redisBefore;
		return new double[]{jvm / 1e3 / NEW_PER_ITERATION, redisSeconds * 1e6 / NEW_PER_ITERATION};
	}

	private static double redisCpuSeconds() {
		Properties info = redis
				.execute((RedisCallback<Properties>) connection -> connection.serverCommands().info("cpu"));
		return Double.parseDouble(info.getProperty("used_cpu_user"))
				+ Double.parseDouble(info.getProperty("used_cpu_sys"));
	}

	static double score(Collection<RunResult> results, String benchmark) {
		return results.stream().filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark)).findFirst()
				.orElseThrow().getPrimaryResult().getScore();
	}

}
