package io.newsstand.web.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.testing.RedisExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

@ExtendWith(RedisExtension.class)
class WindowCounterTest {

	@Test
	void theFirstIncrementStartsTheWindow(StringRedisTemplate redis) {
		WindowCounter counter = new WindowCounter(redis);
		assertThat(counter.increment("newsstand:web:test-window:a", Duration.ofMinutes(15))).isEqualTo(1);
		assertThat(counter.increment("newsstand:web:test-window:a", Duration.ofMinutes(15))).isEqualTo(2);
		assertThat(redis.getExpire("newsstand:web:test-window:a")).isBetween(14 * 60L, 15 * 60L);
	}

	/**
	 * A counter left without expiry (INCR acknowledged, then the master failed over
	 * before the EXPIRE, or the node died between them) would refuse its account or
	 * address for ever; the next increment gives it the window's expiry.
	 */
	@Test
	void aCounterLeftWithoutExpiryGetsOneOnTheNextIncrement(StringRedisTemplate redis) {
		redis.opsForValue().set("newsstand:web:test-window:b", "5");
		WindowCounter counter = new WindowCounter(redis);
		assertThat(counter.increment("newsstand:web:test-window:b", Duration.ofMinutes(15))).isEqualTo(6);
		assertThat(redis.getExpire("newsstand:web:test-window:b")).isBetween(14 * 60L, 15 * 60L);
	}

}
