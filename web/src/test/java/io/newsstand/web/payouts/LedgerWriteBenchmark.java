package io.newsstand.web.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.testing.RedisTestDatabase;
import io.newsstand.testing.RedisTestServer;
import io.newsstand.web.benchmark.RedisMonitor;
import io.newsstand.web.redis.PayoutKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What one counted read costs the ledger: Redis round trips (watched with
 * MONITOR) and time per read, against the same write as one command per step
 * (the baseline, measured interleaved in the same run). Goal: one round trip
 * per read. Run with
 * {@code mvn -Pbenchmarks -pl web -am test -Dtest=LedgerWriteBenchmark}.
 */
@Tag("benchmark")
@Isolated
class LedgerWriteBenchmark {

	private static final int ROUNDS = 30;

	private static final int READS_PER_ROUND = 500;

	private static final Instant AT = Instant.parse("2026-11-14T10:00:00Z");

	@Test
	void oneRoundTripPerRead() throws Exception {
		RedisTestDatabase database = RedisTestServer.get().leaseDatabase();
		LettuceConnectionFactory factory = database.connectionFactory();
		try {
			StringRedisTemplate redis = database.template(factory);
			PayoutsProperties properties = ReadingLedgerTest.properties(Duration.ofHours(24));
			ReadingLedger ledger = new ReadingLedger(redis, properties);
			ledger.read("warm-up", "pub", "warm-up", AT);
			String member = UUID.randomUUID().toString();
			long scriptTrips;
			long stepTrips;
			try (RedisMonitor monitor = new RedisMonitor(database.host(), database.port())) {
				redis.opsForValue().get("newsstand:web:bench:monitor");
				monitor.commands();
				monitor.clear();
				for (int i = 0; i < 10; i++) {
					ledger.read(member, "pub-" + (i % 3), "article-" + i, AT);
				}
				scriptTrips = sent(monitor.commands(), member);
				monitor.clear();
				for (int i = 0; i < 10; i++) {
					stepByStep(redis, properties, ledger, member, "pub-" + (i % 3), "other-" + i);
				}
				stepTrips = sent(monitor.commands(), member);
			}
			long scriptNanos = 0;
			long stepNanos = 0;
			for (int round = 0; round < ROUNDS; round++) {
				String account = UUID.randomUUID().toString();
				long start = System.nanoTime();
				for (int i = 0; i < READS_PER_ROUND; i++) {
					ledger.read(account, "pub-" + (i % 7), "a-" + i, AT);
				}
				long middle = System.nanoTime();
				for (int i = 0; i < READS_PER_ROUND; i++) {
					stepByStep(redis, properties, ledger, account, "pub-" + (i % 7), "b-" + i);
				}
				long end = System.nanoTime();
				if (round >= ROUNDS / 3) {
					scriptNanos += middle - start;
					stepNanos += end - middle;
				}
			}
			long measured = (long) (ROUNDS - ROUNDS / 3) * READS_PER_ROUND;
			System.out.printf("LedgerWriteBenchmark: round trips per read: script %.1f, step by step %.1f%n",
					scriptTrips / 10.0, stepTrips / 10.0);
			System.out.printf("LedgerWriteBenchmark: %.1f µs per read (script) vs %.1f µs (step by step): %.2fx%n",
					scriptNanos / 1000.0 / measured, stepNanos / 1000.0 / measured, (double) stepNanos / scriptNanos);
			assertThat(scriptTrips).as("one round trip per read").isEqualTo(10);
		} finally {
			factory.destroy();
			database.flush();
		}
	}

	private static long sent(List<String> commands, String member) {
		return commands.stream().filter(line -> !line.contains(" lua]") && line.contains(member)).count();
	}

	/** The same write as the ledger's script, one command per step (baseline). */
	private static void stepByStep(StringRedisTemplate redis, PayoutsProperties properties, ReadingLedger ledger,
			String account, String publisher, String article) {
		String month = "2026-11";
		int shard = ledger.shard(account);
		String seen = PayoutKeys.seen(month, shard, "bench-" + account + "-" + article);
		if (Boolean.TRUE.equals(redis.hasKey(seen))) {
			return;
		}
		redis.opsForHash().putAll(seen, Map.of("f", account + "|" + publisher, "p", publisher, "s", "0"));
		redis.expire(seen, properties.rereadWindow());
		redis.opsForHash().increment(PayoutKeys.reads(month, shard), account + "|" + publisher, 1);
		redis.opsForHash().increment(PayoutKeys.member(month, shard, account), "r:" + publisher, 1);
		Instant expire = Instant.parse("2027-12-01T00:00:00Z");
		redis.expireAt(PayoutKeys.reads(month, shard), expire);
		redis.expireAt(PayoutKeys.seconds(month, shard), expire);
		redis.expireAt(PayoutKeys.member(month, shard, account), expire);
	}

}
