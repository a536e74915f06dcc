package io.newsstand.web.security;

import io.newsstand.web.redis.WebKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The secret that signs remember-me cookies: made once and kept in Redis, so
 * every web node accepts the same cookies and a restart signs nobody out.
 */
@Component
class RememberMeKey {

	private final String key;

	RememberMeKey(StringRedisTemplate redis) {
		redis.opsForValue().setIfAbsent(WebKeys.rememberMeKey(), Hashes.newSecret());
		String stored = redis.opsForValue().get(WebKeys.rememberMeKey());
		if (stored == null) {
			throw new IllegalStateException("Redis lost " + WebKeys.rememberMeKey() + " right after writing it");
		}
		this.key = stored;
	}

	String value() {
		return this.key;
	}

}
