package io.newsstand.testing;

import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * One logical database of the test Redis, leased to a test class or a Spring
 * context.
 *
 * @param host
 *            the server's host
 * @param port
 *            the server's port
 * @param password
 *            the server's password, if any
 * @param index
 *            the database number
 */
public record RedisTestDatabase(String host, int port, @Nullable String password, int index) {

	/** The URL the app takes in {@code newsstand.redis.url}. */
	public String url() {
		String auth = (this.password == null) ? "" : ":" + this.password + "@";
		return "redis://" + auth + this.host + ":" + this.port + "/" + this.index;
	}

	/** A started connection factory for this database; the caller closes it. */
	public LettuceConnectionFactory connectionFactory() {
		RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(this.host, this.port);
		configuration.setDatabase(this.index);
		if (this.password != null) {
			configuration.setPassword(this.password);
		}
		LettuceConnectionFactory factory = new LettuceConnectionFactory(configuration);
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	/** Removes every key of this database. */
	public void flush() {
		LettuceConnectionFactory factory = connectionFactory();
		try (RedisConnection connection = factory.getConnection()) {
			connection.serverCommands().flushDb();
		} finally {
			factory.destroy();
		}
	}

	/**
	 * A template over a new factory, for assertions; see {@link RedisExtension} for
	 * one that is closed for you.
	 */
	public StringRedisTemplate template(LettuceConnectionFactory factory) {
		StringRedisTemplate template = new StringRedisTemplate(factory);
		template.afterPropertiesSet();
		SingleSlotScriptsInitializer.install(template);
		return template;
	}

}
