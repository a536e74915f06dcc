package io.newsstand.web.payouts;

import io.newsstand.web.redis.PayoutKeys;
import io.newsstand.web.security.Hashes;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The reading ledger: members' full reads and reading seconds per publisher per
 * month. Each read and each reading-time report is one script, so one Redis
 * round trip; every key of one script shares the hash tag of the month's shard
 * (by account), so a cluster spreads a month over {@code shards} slots. A
 * month's keys expire when the month leaves the retention.
 */
@Component
public class ReadingLedger {

	/**
	 * KEYS[1] shard reads, KEYS[2] shard seconds, KEYS[3] seen, KEYS[4] member;
	 * ARGV[1] shard field (account|publisher), ARGV[2] publisher, ARGV[3] re-read
	 * window (ms), ARGV[4] expire at (epoch ms). Answers 1 when counted, 0 for a
	 * re-read inside the window.
	 */
	private static final RedisScript<Long> READ = RedisScript.of("""
			if redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
			redis.call('HSET', KEYS[3], 'f', ARGV[1], 'p', ARGV[2], 's', 0)
			redis.call('PEXPIRE', KEYS[3], ARGV[3])
			redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
			redis.call('HINCRBY', KEYS[4], 'r:' .. ARGV[2], 1)
			for i = 1, 4 do
			  if i ~= 3 then redis.call('PEXPIREAT', KEYS[i], ARGV[4]) end
			end
			return 1
			""", Long.class);

	/**
	 * KEYS[1] shard seconds, KEYS[2] seen, KEYS[3] member; ARGV[1] seconds, ARGV[2]
	 * cap per article, ARGV[3] expire at (epoch ms). Answers the seconds added, -1
	 * when the member has not opened the article in full within the window.
	 */
	private static final RedisScript<Long> TIME = RedisScript.of("""
			local seen = redis.call('HMGET', KEYS[2], 'f', 'p', 's')
			if not seen[1] then return -1 end
			local add = math.min(tonumber(ARGV[1]), tonumber(ARGV[2]) - tonumber(seen[3]))
			if add <= 0 then return 0 end
			redis.call('HINCRBY', KEYS[2], 's', add)
			redis.call('HINCRBY', KEYS[1], seen[1], add)
			redis.call('HINCRBY', KEYS[3], 's:' .. seen[2], add)
			redis.call('PEXPIREAT', KEYS[1], ARGV[3])
			redis.call('PEXPIREAT', KEYS[3], ARGV[3])
			return add
			""", Long.class);

	private static final char SEPARATOR = '|';

	private final StringRedisTemplate redis;

	private final PayoutsProperties properties;

	ReadingLedger(StringRedisTemplate redis, PayoutsProperties properties) {
		this.redis = redis;
		this.properties = properties;
	}

	/**
	 * Counts a member's full read of an article, once per re-read window.
	 *
	 * @return whether it counted (false for a re-read inside the window)
	 */
	public boolean read(String accountId, String publisherId, String articleId, Instant at) {
		YearMonth month = YearMonth.from(at.atOffset(ZoneOffset.UTC));
		String tag = month.toString();
		int shard = shard(accountId);
		Long counted = this.redis.execute(READ, List.of(PayoutKeys.reads(tag, shard), PayoutKeys.seconds(tag, shard),
				PayoutKeys.seen(tag, shard, seen(accountId, articleId)), PayoutKeys.member(tag, shard, accountId)),
				accountId + SEPARATOR + publisherId, publisherId,
				Long.toString(this.properties.rereadWindow().toMillis()), Long.toString(expireAt(month)));
		return counted != null && counted == 1;
	}

	/**
	 * Adds reading seconds to a read the member made within the re-read window, up
	 * to the cap per article.
	 *
	 * @return the seconds added, or -1 when there is no such read
	 */
	public long readingTime(String accountId, String articleId, long seconds, Instant at) {
		YearMonth month = YearMonth.from(at.atOffset(ZoneOffset.UTC));
		String tag = month.toString();
		int shard = shard(accountId);
		Long added = this.redis.execute(TIME,
				List.of(PayoutKeys.seconds(tag, shard), PayoutKeys.seen(tag, shard, seen(accountId, articleId)),
						PayoutKeys.member(tag, shard, accountId)),
				Long.toString(Math.max(0, seconds)), Integer.toString(this.properties.maxSecondsPerArticle()),
				Long.toString(expireAt(month)));
		return (added != null) ? added : -1;
	}

	/** Everyone's reading in a month, in no particular order. */
	public List<LedgerEntry> month(YearMonth month) {
		List<LedgerEntry> entries = new ArrayList<>();
		for (int shard = 0; shard < this.properties.shards(); shard++) {
			Map<Object, Object> reads = this.redis.opsForHash().entries(PayoutKeys.reads(month.toString(), shard));
			Map<Object, Object> seconds = this.redis.opsForHash().entries(PayoutKeys.seconds(month.toString(), shard));
			reads.forEach((field, count) -> {
				String key = (String) field;
				int split = key.indexOf(SEPARATOR);
				entries.add(new LedgerEntry(key.substring(0, split), key.substring(split + 1),
						Long.parseLong((String) count), Long.parseLong((String) seconds.getOrDefault(field, "0"))));
			});
		}
		return entries;
	}

	/** One member's reading in a month, by publisher. */
	public List<LedgerEntry> member(String accountId, YearMonth month) {
		Map<Object, Object> fields = this.redis.opsForHash()
				.entries(PayoutKeys.member(month.toString(), shard(accountId), accountId));
		Map<String, long[]> byPublisher = new HashMap<>();
		fields.forEach((field, value) -> {
			String name = (String) field;
			long[] counts = byPublisher.computeIfAbsent(name.substring(2), publisher -> new long[2]);
			counts[name.startsWith("r:") ? 0 : 1] += Long.parseLong((String) value);
		});
		return byPublisher.entrySet().stream()
				.map(entry -> new LedgerEntry(accountId, entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
				.toList();
	}

	int shard(String accountId) {
		return Math.floorMod(accountId.hashCode(), this.properties.shards());
	}

	private long expireAt(YearMonth month) {
		return month.plusMonths(this.properties.retentionMonths()).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)
				.toEpochMilli();
	}

	private static String seen(String accountId, String articleId) {
		return Hashes.sha256(accountId + '\n' + articleId).substring(0, 32);
	}

}
