package io.newsstand.web.paywall;

import io.newsstand.web.redis.WebKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The monthly meter: the set of articles a reader without a membership opened
 * in full this calendar month (UTC). Checking and recording is one script, so
 * two tabs opened at once cannot both take the last free article, and it costs
 * one Redis round trip.
 */
@Component
class ReadingMeter {

	/**
	 * KEYS[1] the month's set; ARGV[1] article, ARGV[2] limit, ARGV[3] TTL in
	 * seconds. Answers {opened, left}: opened 1 when the article may be read (new
	 * or already opened), 0 when the meter is used up.
	 */
	private static final RedisScript<List> OPEN = RedisScript.of("""
			local limit = tonumber(ARGV[2])
			if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then
			  return {1, limit - redis.call('SCARD', KEYS[1])}
			end
			local count = redis.call('SCARD', KEYS[1])
			if count >= limit then
			  return {0, 0}
			end
			redis.call('SADD', KEYS[1], ARGV[1])
			redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
			return {1, limit - count - 1}
			""", List.class);

	/** Kept a little past the month, then Redis drops it. */
	private static final Duration KEEP = Duration.ofDays(40);

	private final StringRedisTemplate redis;

	private final Clock clock;

	ReadingMeter(StringRedisTemplate redis, Clock clock) {
		this.redis = redis;
		this.clock = clock;
	}

	/** The outcome of asking to open an article against the meter. */
	record Opened(boolean allowed, int left) {
	}

	Opened open(String accountId, String articleId, int limit) {
		List<?> result = this.redis.execute(OPEN, List.of(key(accountId)), articleId, Integer.toString(limit),
				Long.toString(KEEP.toSeconds()));
		if (result == null || result.size() < 2) {
			throw new IllegalStateException("The meter script answered " + result);
		}
		return new Opened(((Number) result.get(0)).intValue() == 1, Math.max(0, ((Number) result.get(1)).intValue()));
	}

	/**
	 * Whether the reader already opened this article this month (spends nothing).
	 */
	boolean alreadyOpened(String accountId, String articleId) {
		return Boolean.TRUE.equals(this.redis.opsForSet().isMember(key(accountId), articleId));
	}

	/** Free articles left this month, without opening one. */
	int left(String accountId, int limit) {
		Long count = this.redis.opsForSet().size(key(accountId));
		return Math.max(0, limit - ((count != null) ? count.intValue() : 0));
	}

	private String key(String accountId) {
		return WebKeys.readingMeter(accountId, YearMonth.now(this.clock.withZone(ZoneOffset.UTC)).toString());
	}

}
