package io.newsstand.billing.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsstand.billing.Billing;
import io.newsstand.testing.BenchmarkGoal;
import io.newsstand.testing.RedisTestDatabase;
import io.newsstand.testing.RedisTestServer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The read path's membership lookup ({@code Billing.membership}: one Redis
 * HGETALL and the access rule, no Stripe call) against a plain Redis GET of one
 * key, in the same run. Goal: at least 0.7x the GET's throughput. Run with
 * {@code mvn -Pbenchmarks -pl billing -am test}.
 */
@Tag("benchmark")
@Isolated
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MembershipLookupBenchmark {

	LettuceConnectionFactory factory;

	StringRedisTemplate redis;

	Billing billing;

	@Setup(Level.Trial)
	public void setUp() {
		RedisTestDatabase database = RedisTestServer.get().leaseDatabase();
		this.factory = database.connectionFactory();
		this.redis = database.template(this.factory);
		BillingProperties properties = new Binder(ConfigurationPropertySources.get(new StandardEnvironment()))
				.bindOrCreate("newsstand.billing", BillingProperties.class);
		MembershipStore store = new MembershipStore(this.redis);
		Instant now = Instant.now();
		store.write(Snapshot.builder("bench", "cus_bench", now).email("bench@example.org")
				.status(SubscriptionStatus.ACTIVE).subscriptionId("sub_bench").itemId("si_bench").plan("monthly")
				.periodStart(now).periodEnd(now.plusSeconds(86_400 * 30)).hasPaymentMethod(true).amount(900).build());
		this.redis.opsForValue().set("bench:plain", "active");
		// Only membership() is measured; the Stripe side of the service is not needed.
		this.billing = new DefaultBilling(store, null, null, null, null, null,
				new AccessRule(properties.pastDueGrace()), properties,
				new StaticListableBeanFactory().getBeanProvider(InstantSource.class),
				new StripeConnection(() -> "sk_test_bench", () -> "http://127.0.0.1:9", () -> "whsec_bench", true),
				new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.factory.destroy();
	}

	@Benchmark
	public Object plainGet() {
		return this.redis.opsForValue().get("bench:plain");
	}

	@Benchmark
	public Object membership() {
		return this.billing.membership("bench");
	}

	@Test
	void membershipLookupAgainstPlainGet() throws Exception {
		Collection<RunResult> results = new Runner(
				new OptionsBuilder().include(MembershipLookupBenchmark.class.getName() + "\\.(plainGet|membership)$")
						.forks(0).threads(1).warmupIterations(3).warmupTime(TimeValue.seconds(2))
						.measurementIterations(5).measurementTime(TimeValue.seconds(2)).build())
				.run();
		double get = score(results, "plainGet");
		double membership = score(results, "membership");
		System.out.printf("%nBENCHMARK membership lookup: %.0f ops/s; plain Redis GET: %.0f ops/s; ratio %.2fx"
				+ " (goal >= 0.70x)%n%n", membership, get, membership / get);
		// Tolerance 10%: JMH runs the two one after the other on a shared machine.
		BenchmarkGoal.atLeast("membership lookup / plain GET", membership / get, 0.70, 0.10);
	}

	/**
	 * The same comparison as a small harness that alternates short batches of both,
	 * so load from other processes on a shared machine hits both alike.
	 */
	@Test
	void membershipLookupAgainstPlainGetInterleaved() {
		setUp();
		try {
			long getNanos = 0;
			long membershipNanos = 0;
			int batch = 2_000;
			for (int round = 0; round < 40; round++) {
				long start = System.nanoTime();
				for (int i = 0; i < batch; i++) {
					plainGet();
				}
				long middle = System.nanoTime();
				for (int i = 0; i < batch; i++) {
					membership();
				}
				long end = System.nanoTime();
				if (round >= 10) {
					getNanos += middle - start;
					membershipNanos += end - middle;
				}
			}
			System.out.printf(
					"%nBENCHMARK membership lookup (interleaved harness, 30 x %d each): %.1f us vs plain"
							+ " GET %.1f us per call; ratio %.2fx (goal >= 0.70x)%n%n",
					batch, membershipNanos / 1000.0 / (30.0 * batch), getNanos / 1000.0 / (30.0 * batch),
					(double) getNanos / membershipNanos);
			BenchmarkGoal.atLeast("membership lookup / plain GET, interleaved", (double) getNanos / membershipNanos,
					0.70, 0.10);
		} finally {
			tearDown();
		}
	}

	private static double score(Collection<RunResult> results, String benchmark) {
		return results.stream().filter(result -> result.getParams().getBenchmark().endsWith("." + benchmark))
				.findFirst().orElseThrow().getPrimaryResult().getScore();
	}

}
