package io.newsstand.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test cluster is a real Redis Cluster: every slot is served, each of the
 * three masters has a replica, and a cluster client spreads keys over all
 * three.
 */
class RedisTestClusterTest {

	private static RedisTestCluster cluster;

	@BeforeAll
	static void start() {
		cluster = RedisTestCluster.start();
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void threeMastersEachWithAReplicaServeEverySlot() {
		RedisProcess any = cluster.nodes().get(0);
		String info = any.call(redis -> redis.clusterInfo());
		assertThat(info).contains("cluster_state:ok").contains("cluster_slots_assigned:16384")
				.contains("cluster_known_nodes:6").contains("cluster_size:3");
		List<String> nodes = any.call(redis -> redis.clusterNodes()).lines().toList();
		assertThat(nodes).filteredOn(line -> line.contains("slave")).hasSize(3);
	}

	@Test
	void aClusterClientSpreadsKeysOverTheMasters() {
		RedisClusterClient client = RedisClusterClient
				.create(RedisURI.create("redis://" + cluster.nodes().get(0).address()));
		try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
			for (int i = 0; i < 60; i++) {
				connection.sync().set("spread:" + i, Integer.toString(i));
			}
			assertThat(connection.sync().get("spread:42")).isEqualTo("42");
		} finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
		assertThat(cluster.keysPerMaster().values()).hasSize(3).allMatch(count -> count > 0);
		cluster.flushAll();
	}

}
