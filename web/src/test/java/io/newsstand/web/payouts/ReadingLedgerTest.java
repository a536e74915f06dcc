package io.newsstand.web.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.cluster.SlotHash;
import io.newsstand.testing.RedisExtension;
import io.newsstand.testing.RedisTestDatabase;
import io.newsstand.web.benchmark.RedisMonitor;
import io.newsstand.web.redis.PayoutKeys;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

@ExtendWith(RedisExtension.class)
class ReadingLedgerTest {

	private static final Instant AT = Instant.parse("2026-11-14T10:00:00Z");

	private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

	static PayoutsProperties properties(Duration window) {
		return new PayoutsProperties(PayoutsProperties.Weighting.READS, new BigDecimal("0.30"), window, 600, 13, 16);
	}

	private static String account() {
		return UUID.randomUUID().toString();
	}

	@Test
	void aReReadWithinTheWindowCountsOnce(StringRedisTemplate redis) {
		ReadingLedger ledger = new ReadingLedger(redis, properties(Duration.ofHours(24)));
		String member = account();
		assertThat(ledger.read(member, "pub-a", "a1", AT)).isTrue();
		assertThat(ledger.read(member, "pub-a", "a1", AT.plusSeconds(3600))).isFalse();
		assertThat(ledger.read(member, "pub-a", "a2", AT)).isTrue();
		assertThat(ledger.member(member, NOVEMBER)).containsExactly(new LedgerEntry(member, "pub-a", 2, 0));
		assertThat(ledger.month(NOVEMBER)).filteredOn(entry -> entry.accountId().equals(member))
				.containsExactly(new LedgerEntry(member, "pub-a", 2, 0));
	}

	@Test
	void aReReadAfterTheWindowCountsAgain(StringRedisTemplate redis) {
		ReadingLedger ledger = new ReadingLedger(redis, properties(Duration.ofMillis(200)));
		String member = account();
		assertThat(ledger.read(member, "pub-a", "a1", AT)).isTrue();
		await().atMost(Duration.ofSeconds(5)).until(() -> ledger.read(member, "pub-a", "a1", AT));
		assertThat(ledger.member(member, NOVEMBER)).containsExactly(new LedgerEntry(member, "pub-a", 2, 0));
	}

	@Test
	void readingTimeIsCappedPerArticleAndNeedsAFullRead(StringRedisTemplate redis) {
		ReadingLedger ledger = new ReadingLedger(redis, properties(Duration.ofHours(24)));
		String member = account();
		assertThat(ledger.readingTime(member, "a1", 60, AT)).as("never opened").isEqualTo(-1);
		ledger.read(member, "pub-a", "a1", AT);
		assertThat(ledger.readingTime(member, "a1", 400, AT)).isEqualTo(400);
		assertThat(ledger.readingTime(member, "a1", 400, AT)).as("up to the cap of 600").isEqualTo(200);
		assertThat(ledger.readingTime(member, "a1", 400, AT)).isZero();
		assertThat(ledger.readingTime(member, "a1", -50, AT)).isZero();
		assertThat(ledger.readingTime(account(), "a1", 60, AT)).as("another member's read").isEqualTo(-1);
		assertThat(ledger.member(member, NOVEMBER)).containsExactly(new LedgerEntry(member, "pub-a", 1, 600));
		assertThat(ledger.month(NOVEMBER)).filteredOn(entry -> entry.accountId().equals(member))
				.containsExactly(new LedgerEntry(member, "pub-a", 1, 600));
	}

	@Test
	void aMonthIsKeptThirteenMonths(StringRedisTemplate redis) {
		ReadingLedger ledger = new ReadingLedger(redis, properties(Duration.ofHours(24)));
		// December 2025 and the twelve months after it: gone at the start of 2027.
		Instant old = Instant.parse("2025-12-03T00:00:00Z");
		String member = account();
		ledger.read(member, "pub-a", "a1", old);
		int shard = ledger.shard(member);
		long expected = Instant.parse("2027-01-01T00:00:00Z").toEpochMilli();
		for (String key : List.of(PayoutKeys.reads("2025-12", shard), PayoutKeys.member("2025-12", shard, member))) {
			long at = System.currentTimeMillis() + redis.getExpire(key, TimeUnit.MILLISECONDS);
			assertThat(at).as(key).isCloseTo(expected, Offset.offset(60_000L));
		}
	}

	@Test
	void theKeysOfOneWriteShareOneClusterSlotAndAMonthSpreadsOverShards(StringRedisTemplate redis) {
		ReadingLedger ledger = new ReadingLedger(redis, properties(Duration.ofHours(24)));
		Set<Integer> shards = IntStream.range(0, 200).mapToObj(i -> ledger.shard("account-" + i))
				.collect(Collectors.toSet());
		assertThat(shards).hasSize(16);
		for (int shard : shards) {
			int slot = SlotHash.getSlot(PayoutKeys.reads("2026-11", shard));
			assertThat(List.of(PayoutKeys.seconds("2026-11", shard), PayoutKeys.seen("2026-11", shard, "ab"),
					PayoutKeys.member("2026-11", shard, "m")))
					.allSatisfy(key -> assertThat(SlotHash.getSlot(key)).isEqualTo(slot));
		}
	}

	@Test
	void aReadAndAReadingTimeReportCostOneRoundTripEach(StringRedisTemplate redis, RedisTestDatabase database)
			throws Exception {
		ReadingLedger ledger = new ReadingLedger(redis, properties(Duration.ofHours(24)));
		// The first call of each script loads it (EVALSHA, NOSCRIPT, EVAL).
		ledger.read(account(), "pub-a", "warm", AT);
		ledger.readingTime(account(), "warm", 1, AT);
		String member = account();
		try (RedisMonitor monitor = new RedisMonitor(database.host(), database.port())) {
			await().until(() -> {
				redis.opsForValue().get("newsstand:web:test:monitor-" + member);
				return !monitor.commands().isEmpty();
			});
			monitor.clear();
			ledger.read(member, "pub-a", "a1", AT);
			ledger.read(member, "pub-a", "a1", AT);
			ledger.readingTime(member, "a1", 30, AT);
			List<String> sent = monitor.commands().stream()
					.filter(line -> !line.contains(" lua]") && line.contains(member)).toList();
			assertThat(sent).as(sent.toString()).hasSize(3)
					.allSatisfy(line -> assertThat(line).contains("\"EVALSHA\""));
		}
	}

}
