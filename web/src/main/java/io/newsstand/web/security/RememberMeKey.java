package io.newsstand.web.security;

import io.newsstand.web.redis.WebKeys;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The secret that signs remember-me cookies: made once and kept in Redis, so
 * every web node accepts the same cookies and a restart signs nobody out.
 */
final class RememberMeKey {

	private RememberMeKey() {
	}

	static String load(StringRedisTemplate redis) {
		redis.opsForValue().setIfAbsent(WebKeys.rememberMeKey(), Hashes.newSecret());
		String key = redis.opsForValue().get(WebKeys.rememberMeKey());
		if (key == null) {
			throw new IllegalStateException("Redis lost " + WebKeys.rememberMeKey() + " right after writing it");
		}
		return key;
	}

}
