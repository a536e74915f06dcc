package io.newsstand.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A script whose keys span Redis Cluster slots fails on the standalone test
 * Redis as it would on a Cluster; keys under one hash tag run.
 */
@ExtendWith(RedisExtension.class)
class SingleSlotScriptExecutorTest {

	private static final RedisScript<Long> SET_BOTH = RedisScript.of("""
			redis.call('SET', KEYS[1], '1')
			redis.call('SET', KEYS[2], '1')
			return 2
			""", Long.class);

	private static final RedisScript<Long> SET_FROM_PREFIX = RedisScript.of("""
			redis.call('SET', KEYS[1], '1')
			redis.call('SET', ARGV[1] .. 'x', '1')
			return 2
			""", Long.class);

	@Test
	void keysInTwoSlotsAreRefusedBeforeTheScriptRuns(StringRedisTemplate redis) {
		assertThatThrownBy(() -> redis.execute(SET_BOTH, List.of("newsstand:a", "newsstand:b")))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("CROSSSLOT")
				.hasMessageContaining("newsstand:b");
		assertThat(redis.hasKey("newsstand:a")).isFalse();
	}

	@Test
	void aKeyPrefixInTheArgumentsCountsAsAKey(StringRedisTemplate redis) {
		assertThatThrownBy(() -> redis.execute(SET_FROM_PREFIX, List.of("newsstand:{one}:a"), "newsstand:{two}:"))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("newsstand:{two}:");
	}

	@Test
	void keysUnderOneHashTagRun(StringRedisTemplate redis) {
		assertThat(redis.execute(SET_BOTH, List.of("newsstand:{acct}:a", "newsstand:{acct}:b"))).isEqualTo(2L);
		assertThat(redis.execute(SET_FROM_PREFIX, List.of("newsstand:{one}:a"), "newsstand:{one}:")).isEqualTo(2L);
	}

}
