package io.newsstand.web.redis;

import io.newsstand.web.startup.InvalidSettingException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Gives Spring Boot's Redis auto-configuration its connection: the external
 * server {@code newsstand.redis.url} names, or, when it and Boot's own
 * {@code spring.data.redis.*} are blank, the embedded server (started before
 * the connection factory, stopped after it). With {@code spring.data.redis.*}
 * set, Boot builds the connection itself ({@link SpringRedisConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class RedisConnectionConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RedisConnectionConfiguration.class);

	@Configuration(proxyBeanMethods = false)
	@Conditional(EmbeddedRedisCondition.class)
	static class Embedded {

		@Bean(initMethod = "start", destroyMethod = "close")
		EmbeddedRedisServer embeddedRedisServer(NewsstandRedisProperties properties) {
			return new EmbeddedRedisServer(properties.dataDir());
		}

		@Bean
		DataRedisConnectionDetails redisConnectionDetails(EmbeddedRedisServer server) {
			return new Details(DataRedisConnectionDetails.Standalone.of(server.host(), server.port()), null, null,
					null);
		}

		@Bean
		RedisStartupCheck redisStartupCheck(RedisConnectionFactory factory, EmbeddedRedisServer server) {
			return new RedisStartupCheck(factory, EmbeddedRedisServer.DATA_DIR_PROPERTY, "embedded redis-server on "
					+ server.host() + ":" + server.port() + ", data in " + server.dataDir() + " (append-only file)");
		}

		@Bean
		EmbeddedRedisWatchdog embeddedRedisWatchdog(EmbeddedRedisServer server, NewsstandRedisProperties properties) {
			return new EmbeddedRedisWatchdog(server, properties.watchdogInterval());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(EmbeddedRedisCondition.External.class)
	static class External {

		@Bean
		DataRedisConnectionDetails redisConnectionDetails(NewsstandRedisProperties properties,
				Environment environment) {
			refuseSecondTopology(environment);
			RedisUrl url = RedisUrl.parse(properties.url());
			checkReachable(url);
			return new Details(DataRedisConnectionDetails.Standalone.of(url.host(), url.port(), url.database()),
					url.username(), url.password(), url.ssl() ? SslBundle.systemDefault() : null);
		}

		@Bean
		RedisStartupCheck redisStartupCheck(RedisConnectionFactory factory, NewsstandRedisProperties properties) {
			return new RedisStartupCheck(factory, RedisUrl.PROPERTY, "external Redis at "
					+ RedisUrl.parse(properties.url()).redacted() + " (its persistence is the server's own)");
		}

		/**
		 * The shorthand names one server; with a Cluster or Sentinel set as well the
		 * app would silently use only one of them.
		 */
		private static void refuseSecondTopology(Environment environment) {
			for (String property : List.of("spring.data.redis.cluster.nodes", "spring.data.redis.sentinel.master")) {
				if (EmbeddedRedisCondition.hasText(environment, property)) {
					throw new InvalidSettingException(RedisUrl.PROPERTY,
							"is set together with " + property + ", and the app would use only one of them",
							"Unset NEWSSTAND_REDIS_URL to use the Cluster or Sentinel named by spring.data.redis.*, "
									+ "or unset " + InvalidSettingException.environmentVariable(property) + ".");
				}
			}
		}

		private static void checkReachable(RedisUrl url) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(url.host(), url.port()), 3000);
			} catch (IOException ex) {
				throw new InvalidSettingException(RedisUrl.PROPERTY,
						"cannot reach Redis at " + url.redacted() + " (" + ex.getMessage() + ")", RedisUrl.action(),
						ex);
			}
		}

	}

	record Details(Standalone getStandalone, @Nullable String getUsername, @Nullable String getPassword,
			@Nullable SslBundle getSslBundle) implements DataRedisConnectionDetails {
	}

	/**
	 * Pings once the context is built, then logs which Redis the app uses and where
	 * its data lives.
	 */
	static final class RedisStartupCheck implements SmartInitializingSingleton {

		private final RedisConnectionFactory factory;

		private final String property;

		private final String description;

		RedisStartupCheck(RedisConnectionFactory factory, String property, String description) {
			this.factory = factory;
			this.property = property;
			this.description = description;
		}

		@Override
		public void afterSingletonsInstantiated() {
			try (RedisConnection connection = this.factory.getConnection()) {
				connection.ping();
			} catch (RuntimeException ex) {
				throw new InvalidSettingException(this.property, "Redis did not answer PING: " + ex.getMessage(),
						RedisUrl.action(), ex);
			}
			log.info("Redis: {}", this.description);
		}

	}

}
