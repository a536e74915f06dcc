package io.newsstand.aggregator.internal.store;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Runs commands in one pipelined round trip; the results come back in order,
 * deserialised as strings.
 */
final class Pipelines {

	private Pipelines() {
	}

	static List<Object> run(StringRedisTemplate redis, Consumer<RedisOperations<String, String>> commands) {
		return redis.executePipelined(new SessionCallback<Object>() {

			@Override
			@SuppressWarnings("unchecked")
			public <K, V> Object execute(RedisOperations<K, V> operations) {
				commands.accept((RedisOperations<String, String>) operations);
				return null;
			}

		});
	}

}
