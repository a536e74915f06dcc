package io.newsstand.web.redis;

import java.time.Duration;
import java.util.List;
import java.util.function.LongFunction;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Counters for fixed-window rate limits: a key per window (named by the
 * caller), expiring with its window, so nothing needs cleaning up.
 */
@Component
public class WindowCounter {

	/**
	 * Adds one and gives the key its expiry whenever it has none, in one script:
	 * with INCR and EXPIRE sent apart, a master failover (or a crash) between them
	 * left a counter without expiry, and its limit never lifted.
	 */
	private static final RedisScript<Long> INCREMENT = RedisScript.of("""
			local count = redis.call('INCR', KEYS[1])
			if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
			return count
			""", Long.class);

	private final StringRedisTemplate redis;

	public WindowCounter(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/** The count under {@code key}, 0 when there is none. */
	public long count(String key) {
		String value = this.redis.opsForValue().get(key);
		return (value != null) ? Long.parseLong(value) : 0;
	}

	/** Adds one and returns the new count; the counter expires with its window. */
	public long increment(String key, Duration window) {
		Long count = this.redis.execute(INCREMENT, List.of(key), Long.toString(window.toMillis()));
		return (count != null) ? count : 0;
	}

	/** Forgets the count. */
	public void clear(String key) {
		this.redis.delete(key);
	}

	/**
	 * Counts one request in the fixed window {@code nowMillis} falls in (windows of
	 * {@code length} from the epoch), under the key {@code keyOfWindow} names for
	 * that window's number. Every request counts, refused or not, so hammering does
	 * not reopen the window.
	 */
	public Take take(LongFunction<String> keyOfWindow, int limit, Duration length, long nowMillis) {
		long lengthMillis = length.toMillis();
		long window = nowMillis / lengthMillis;
		long count = increment(keyOfWindow.apply(window), length);
		long retryAfterSeconds = Math.max(1, ((window + 1) * lengthMillis - nowMillis + 999) / 1000);
		return new Take(window, count, limit, retryAfterSeconds);
	}

	/**
	 * One counted request: allowed while the count is within the limit, else
	 * refused until the window ends ({@code retryAfterSeconds}, for
	 * {@code Retry-After}).
	 */
	public record Take(long window, long count, int limit, long retryAfterSeconds) {

		public boolean allowed() {
			return this.count <= this.limit;
		}

		/** The window's first refusal: the one worth a log line. */
		public boolean firstRefusal() {
			return this.count == this.limit + 1L;
		}

	}

}
