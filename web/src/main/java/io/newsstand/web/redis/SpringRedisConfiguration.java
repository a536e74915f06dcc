package io.newsstand.web.redis;

import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import java.time.Duration;
import java.util.stream.Collectors;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Redis named by Spring Boot's own {@code spring.data.redis.*}: Boot's
 * auto-configuration builds the Lettuce connection factory (standalone URL,
 * Cluster or Sentinel, credentials, TLS, timeouts) and this class only tunes
 * Lettuce for Cluster failover and checks the topology at start.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedRedisCondition.Spring.class)
class SpringRedisConfiguration {

	/**
	 * Periodic topology refresh when
	 * {@code spring.data.redis.lettuce.cluster.refresh.period} is unset: short, as
	 * it bounds how long a failover goes unnoticed when no command triggers an
	 * adaptive refresh after the replica's promotion (it costs one CLUSTER NODES
	 * per Redis node per app node each period).
	 */
	static final Duration DEFAULT_REFRESH_PERIOD = Duration.ofSeconds(5);

	/**
	 * Adaptive refreshes at most this often: Lettuce 6.8 waits 30 s (7.x: 5 s), and
	 * the first trigger after a master dies (reconnects failing) comes before its
	 * replica is promoted.
	 */
	static final Duration ADAPTIVE_REFRESH_LIMIT = Duration.ofSeconds(1);

	/**
	 * Lettuce 6.8 (Boot 4.0) refreshes the Cluster topology only when told to: a
	 * failover would otherwise leave commands for the lost master's slots failing
	 * until a restart. Every adaptive trigger (MOVED, ASK, persistent reconnects,
	 * uncovered slot, unknown node) refreshes at once, at most every second, and a
	 * periodic refresh catches what no command of this node triggered; Lettuce 7
	 * turns the same triggers on by default. Reads stay on masters (Boot's default
	 * {@code read-from}), so a reader never sees their own write missing.
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer clusterTopologyRefresh(DataRedisProperties properties) {
		Duration configured = properties.getLettuce().getCluster().getRefresh().getPeriod();
		Duration period = (configured != null) ? configured : DEFAULT_REFRESH_PERIOD;
		boolean dynamicSources = properties.getLettuce().getCluster().getRefresh().isDynamicRefreshSources();
		return builder -> {
			if (builder instanceof ClusterClientOptions.Builder cluster) {
				cluster.topologyRefreshOptions(ClusterTopologyRefreshOptions.builder().enablePeriodicRefresh(period)
						.enableAllAdaptiveRefreshTriggers().adaptiveRefreshTriggersTimeout(ADAPTIVE_REFRESH_LIMIT)
						.dynamicRefreshSources(dynamicSources).build());
				// A MOVED to a node promoted since the last refresh is followed, not refused.
				cluster.validateClusterNodeMembership(false);
			}
		};
	}

	@Bean
	static BeanPostProcessor redisTopologyCheck() {
		return new RedisTopologyCheck();
	}

	@Bean
	RedisConnectionConfiguration.RedisStartupCheck redisStartupCheck(RedisConnectionFactory factory) {
		return new RedisConnectionConfiguration.RedisStartupCheck(factory, property(factory), describe(factory));
	}

	static String property(RedisConnectionFactory factory) {
		if (factory instanceof LettuceConnectionFactory lettuce) {
			if (lettuce.isRedisSentinelAware()) {
				return RedisTopologyCheck.SENTINEL_MASTER;
			}
			if (lettuce.isClusterAware()) {
				return RedisTopologyCheck.CLUSTER_NODES;
			}
		}
		return "spring.data.redis.url";
	}

	private static String describe(RedisConnectionFactory factory) {
		if (factory instanceof LettuceConnectionFactory lettuce) {
			if (lettuce.isRedisSentinelAware() && lettuce.getSentinelConfiguration() != null) {
				var sentinel = lettuce.getSentinelConfiguration();
				return "Redis Sentinel, master '" + sentinel.getMaster().getName() + "' via "
						+ sentinel.getSentinels().stream().map(Object::toString).collect(Collectors.joining(","));
			}
			if (lettuce.isClusterAware() && lettuce.getClusterConfiguration() != null) {
				return "Redis Cluster via " + lettuce.getClusterConfiguration().getClusterNodes().stream()
						.map(Object::toString).collect(Collectors.joining(","));
			}
			return "external Redis at " + lettuce.getHostName() + ":" + lettuce.getPort() + "/" + lettuce.getDatabase()
					+ " from spring.data.redis.*";
		}
		return "external Redis from spring.data.redis.*";
	}

}
