package io.newsstand.web.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsstand.testing.RedisProcess;
import io.newsstand.testing.RedisTestCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pub/sub across nodes through a Cluster failover: the node carrying node B's
 * subscription to the picks channel dies (and a master with it), and a pick
 * made on node A still reaches B's front page at once. The front page's own
 * refresh is set to 10 minutes, so only the message can bring the pick.
 */
// Kills nodes of its own Cluster: alone, so its timing is not other tests'.
@Isolated
class ClusterPubSubFailoverTest {

	private static final Logger log = LoggerFactory.getLogger(ClusterPubSubFailoverTest.class);

	private static RedisTestCluster cluster;

	private static ClusterApp a;

	private static ClusterApp b;

	private static String adminToken;

	@BeforeAll
	static void start() {
		cluster = RedisTestCluster.start();
		a = ClusterApp.start(settings("node-a"));
		b = ClusterApp.start(settings("node-b"));
		adminToken = a.token(ClusterApp.ADMIN_EMAIL, ClusterApp.ADMIN_PASSWORD);
	}

	@AfterAll
	static void stop() {
		for (ClusterApp app : new ClusterApp[]{a, b}) {
			if (app != null) {
				app.close();
			}
		}
		cluster.close();
	}

	@Test
	void aPickReachesTheOtherNodeAfterTheNodeCarryingItsSubscriptionDies() {
		String first = pickOnAAndAwaitOnB(null, Duration.ofSeconds(10));
		RedisProcess carrier = await().atMost(Duration.ofSeconds(30))
				.until(() -> subscriptionOf("node-b"), Optional::isPresent).orElseThrow();
		List<RedisProcess> victims = victims(carrier);
		log.info("Killing {} (B's subscription is on {})", victims.stream().map(RedisProcess::address).toList(),
				carrier.address());
		long killed = System.nanoTime();
		victims.forEach(RedisProcess::kill);
		cluster.awaitHealthy();
		// A's editor may see 503s while the Cluster fails over: retried until it
		// serves.
		long picked = System.nanoTime();
		pickOnAAndAwaitOnB(first, Duration.ofSeconds(30));
		log.info("A pick made on A reached B's front page {} ms after the kill ({} ms after the pick)",
				(System.nanoTime() - killed) / 1_000_000, (System.nanoTime() - picked) / 1_000_000);
		assertThat(subscriptionOf("node-b")).as("B subscribed again on a live node").isPresent();
	}

	/**
	 * The carrier, and a master with it when the carrier is a replica (a master not
	 * its own, so every slot keeps a node): a failover happens either way.
	 */
	private static List<RedisProcess> victims(RedisProcess carrier) {
		if (isMaster(carrier)) {
			return List.of(carrier);
		}
		String ownMaster = carrier.call(redis -> redis.info("replication")).lines()
				.filter(line -> line.startsWith("master_port:")).map(line -> line.substring("master_port:".length()))
				.findFirst().orElseThrow().strip();
		RedisProcess master = cluster.nodes().stream().filter(RedisProcess::alive).filter(node -> isMaster(node))
				.filter(node -> !Integer.toString(node.port()).equals(ownMaster)).findFirst().orElseThrow();
		return List.of(carrier, master);
	}

	private static boolean isMaster(RedisProcess node) {
		return node.call(redis -> redis.info("replication")).contains("role:master");
	}

	/** The live node on which a named app holds a channel subscription. */
	private static Optional<RedisProcess> subscriptionOf(String clientName) {
		return cluster.nodes().stream().filter(RedisProcess::alive)
				.filter(node -> node.call(redis -> redis.clientList()).lines()
						.anyMatch(line -> line.contains(" name=" + clientName + " ") && !line.contains(" sub=0 ")))
				.findFirst();
	}

	/**
	 * Replaces the previous pick (picks are listed oldest first) with a new article
	 * on A, and waits until B's front page shows it first; returns its id.
	 */
	private static String pickOnAAndAwaitOnB(String previous, Duration within) {
		String id = await().atMost(within).ignoreExceptions()
				.until(() -> StoredArticles.store(a, StoredArticles.uniqueWord()), stored -> true);
		if (previous != null) {
			await().atMost(within).pollInterval(Duration.ofMillis(250))
					.until(() -> a.status("DELETE", "/api/v1/editor/picks/" + previous, adminToken) < 300);
		}
		await().atMost(within).pollInterval(Duration.ofMillis(250)).until(() -> pickStatus(id) == 200);
		await().atMost(within).pollInterval(Duration.ofMillis(100))
				.until(() -> picksOnB().contains("\"picks\":[{\"id\":\"" + id));
		return id;
	}

	private static int pickStatus(String id) {
		try {
			return a.send("PUT", "/api/v1/editor/picks/" + id, adminToken,
					"{\"order\":1,\"expiresAt\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}").statusCode();
		} catch (AssertionError | RuntimeException ex) {
			return 503;
		}
	}

	private static String picksOnB() {
		try {
			return b.get("/api/v1/home?edition=INT", null).body();
		} catch (AssertionError | RuntimeException ex) {
			return "";
		}
	}

	private static String[] settings(String name) {
		return new String[]{"spring.data.redis.cluster.nodes=" + cluster.nodesProperty(),
				"spring.data.redis.client-name=" + name, "newsstand.aggregator.polling-enabled=false",
				// Only the pub/sub message can bring a pick to the other node in time.
				"newsstand.frontpage.refresh=10m"};
	}

}
