package io.newsstand.web.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import io.newsstand.web.startup.InvalidSettingException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisNode;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Checks the Cluster or Sentinel that {@code spring.data.redis.*} names as soon
 * as Boot has built the connection factory, before anything uses it, so a wrong
 * setting stops the app with one message naming it instead of Lettuce's "Cannot
 * retrieve cluster partitions" or a first request timing out: a node list whose
 * nodes answer as standalone servers, a Sentinel that knows no master by the
 * configured name, or nothing answering at all.
 */
class RedisTopologyCheck implements BeanPostProcessor {

	static final String CLUSTER_NODES = "spring.data.redis.cluster.nodes";

	static final String SENTINEL_MASTER = "spring.data.redis.sentinel.master";

	static final String SENTINEL_NODES = "spring.data.redis.sentinel.nodes";

	private static final Logger log = LoggerFactory.getLogger(RedisTopologyCheck.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof LettuceConnectionFactory factory) {
			if (factory.isRedisSentinelAware() && factory.getSentinelConfiguration() != null) {
				checkSentinel(factory.getSentinelConfiguration(), factory.isUseSsl());
			} else if (factory.isClusterAware() && factory.getClusterConfiguration() != null) {
				checkCluster(factory.getClusterConfiguration(), factory.isUseSsl());
			}
		}
		return bean;
	}

	static void checkCluster(RedisClusterConfiguration cluster, boolean ssl) {
		List<String> unreachable = new ArrayList<>();
		String answering = null;
		for (RedisNode node : cluster.getClusterNodes()) {
			RedisURI uri = uri(node, ssl, cluster.getUsername(), cluster.getPassword());
			Map<String, String> info;
			try {
				info = clusterInfo(uri);
			} catch (RuntimeException ex) {
				unreachable.add(node + " (" + ex.getMessage() + ")");
				continue;
			}
			if (!"1".equals(info.get("cluster_enabled"))) {
				throw new InvalidSettingException(CLUSTER_NODES,
						node + " answers as a standalone Redis, not as a Redis Cluster node (cluster_enabled:0)",
						"List the nodes of a Redis Cluster (cluster-enabled yes) in SPRING_DATA_REDIS_CLUSTER_NODES, "
								+ "or name a single server with SPRING_DATA_REDIS_URL or NEWSSTAND_REDIS_URL instead.");
			}
			String state = clusterState(uri);
			if (!"ok".equals(state)) {
				log.warn("Redis Cluster node {} reports cluster_state:{}; commands for uncovered slots fail until it "
						+ "is ok", node, state);
			}
			answering = node.toString();
			break;
		}
		if (answering == null) {
			throw new InvalidSettingException(CLUSTER_NODES,
					"no Redis Cluster node answered: " + String.join(", ", unreachable),
					"List reachable nodes of the Redis Cluster as host:port,host:port in "
							+ "SPRING_DATA_REDIS_CLUSTER_NODES (one answering node is enough).");
		}
	}

	static void checkSentinel(RedisSentinelConfiguration sentinel, boolean ssl) {
		String master = (sentinel.getMaster() != null) ? sentinel.getMaster().getName() : null;
		if (master == null || master.isBlank()) {
			throw new InvalidSettingException(SENTINEL_MASTER, "is blank",
					"Set SPRING_DATA_REDIS_SENTINEL_MASTER to the name the Sentinels monitor.");
		}
		List<String> unreachable = new ArrayList<>();
		List<String> knownElsewhere = new ArrayList<>();
		for (RedisNode node : sentinel.getSentinels()) {
			RedisURI uri = uri(node, ssl, sentinel.getSentinelUsername(), sentinel.getSentinelPassword());
			RedisClient client = RedisClient.create();
			try (StatefulRedisSentinelConnection<String, String> connection = client.connectSentinel(uri)) {
				connection.setTimeout(TIMEOUT);
				SocketAddress address = connection.sync().getMasterAddrByName(master);
				if (address != null) {
					return;
				}
				connection.sync().masters().forEach(known -> knownElsewhere.add(known.get("name")));
			} catch (RuntimeException ex) {
				unreachable.add(node + " (" + ex.getMessage() + ")");
			} finally {
				client.shutdown(Duration.ZERO, TIMEOUT);
			}
		}
		if (unreachable.size() == sentinel.getSentinels().size()) {
			throw new InvalidSettingException(SENTINEL_NODES, "no Sentinel answered: " + String.join(", ", unreachable),
					"List reachable Sentinels as host:port,host:port in SPRING_DATA_REDIS_SENTINEL_NODES.");
		}
		throw new InvalidSettingException(SENTINEL_MASTER, "the Sentinels at "
				+ sentinel.getSentinels().stream().map(Object::toString).collect(Collectors.joining(","))
				+ " know no master named '" + master + "' (they monitor: "
				+ (knownElsewhere.isEmpty() ? "none" : String.join(", ", knownElsewhere.stream().distinct().toList()))
				+ ")", "Set SPRING_DATA_REDIS_SENTINEL_MASTER to the name in the Sentinels' 'sentinel monitor' line.");
	}

	private static Map<String, String> clusterInfo(RedisURI uri) {
		RedisClient client = RedisClient.create();
		try (StatefulRedisConnection<String, String> connection = client.connect(uri)) {
			connection.setTimeout(TIMEOUT);
			return connection.sync().info("cluster").lines().filter(line -> line.contains(":"))
					.collect(Collectors.toMap(line -> line.substring(0, line.indexOf(':')),
							line -> line.substring(line.indexOf(':') + 1).strip(), (a, b) -> b));
		} finally {
			client.shutdown(Duration.ZERO, TIMEOUT);
		}
	}

	private static String clusterState(RedisURI uri) {
		RedisClient client = RedisClient.create();
		try (StatefulRedisConnection<String, String> connection = client.connect(uri)) {
			connection.setTimeout(TIMEOUT);
			return connection.sync().clusterInfo().lines().filter(line -> line.startsWith("cluster_state:"))
					.map(line -> line.substring("cluster_state:".length()).strip()).findFirst().orElse("unknown");
		} finally {
			client.shutdown(Duration.ZERO, TIMEOUT);
		}
	}

	private static RedisURI uri(RedisNode node, boolean ssl, @Nullable String username, RedisPassword password) {
		RedisURI.Builder builder = RedisURI.builder().withHost(node.getHost()).withPort(node.getPort()).withSsl(ssl)
				.withTimeout(TIMEOUT);
		if (password.isPresent()) {
			char[] secret = password.get();
			if (username != null) {
				builder.withAuthentication(username, secret);
			} else {
				builder.withPassword(secret);
			}
		}
		return builder.build();
	}

}
