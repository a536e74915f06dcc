package io.newsstand.aggregator.internal.store;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnection.PipeliningFlushPolicy;
import org.springframework.data.redis.core.RedisConnectionUtils;
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

	/**
	 * Runs {@code work} with one Redis connection bound to this thread: Spring Data
	 * pipelines on Lettuce need a dedicated connection, and without a pool each
	 * pipeline connects (TCP, HELLO, CLIENT SETINFO, SELECT) and disconnects again.
	 * Bound, every pipeline of the thread reuses the one connection until
	 * {@code work} returns, and is written to the socket once, when it closes,
	 * instead of once per command (the default). Nested calls share the outer
	 * binding. Binding is only a saving: when Redis cannot be reached for it,
	 * {@code work} runs unbound and meets the failure in its own commands, where it
	 * is handled.
	 */
	static <T> T onOneConnection(StringRedisTemplate redis, Supplier<T> work) {
		RedisConnectionFactory factory = redis.getRequiredConnectionFactory();
		try {
			RedisConnection connection = RedisConnectionUtils.bindConnection(factory);
			if (connection instanceof LettuceConnection lettuce) {
				lettuce.setPipeliningFlushPolicy(PipeliningFlushPolicy.flushOnClose());
			}
		} catch (DataAccessException ex) {
			return work.get();
		}
		try {
			return work.get();
		} finally {
			RedisConnectionUtils.unbindConnection(factory);
		}
	}

}
