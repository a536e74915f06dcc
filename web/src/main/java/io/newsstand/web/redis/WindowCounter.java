package io.newsstand.web.redis;

import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Counters for fixed-window rate limits: a key per window (named by the
 * caller), expiring with its window, so nothing needs cleaning up.
 */
@Component
public class WindowCounter {

	private final StringRedisTemplate redis;

	public WindowCounter(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/** The count under {@code key}, 0 when there is none. */
	public long count(String key) {
		String value = this.redis.opsForValue().get(key);
		return (value != null) ? Long.parseLong(value) : 0;
	}

	/** Adds one and returns the new count; the first increment sets the expiry. */
	public long increment(String key, Duration window) {
		Long count = this.redis.opsForValue().increment(key);
		if (count != null && count == 1) {
			this.redis.expire(key, window);
		}
		return (count != null) ? count : 0;
	}

	/** Forgets the count. */
	public void clear(String key) {
		this.redis.delete(key);
	}

}
