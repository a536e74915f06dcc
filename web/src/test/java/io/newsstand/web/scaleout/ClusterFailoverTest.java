package io.newsstand.web.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsstand.testing.RedisProcess;
import io.newsstand.testing.RedisTestCluster;
import io.newsstand.web.site.SiteClient;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Cluster master killed (SIGKILL) while readers keep reading and writing: its
 * replica is promoted, Lettuce's topology refresh finds it, and the app serves
 * every request again within 10 s of the kill.
 */
// Timed: alone, so no other test's Spring contexts compete for the CPU while it
// measures.
@Isolated
class ClusterFailoverTest {

	private static final Logger log = LoggerFactory.getLogger(ClusterFailoverTest.class);

	private static RedisTestCluster cluster;

	private static ClusterApp app;

	@BeforeAll
	static void start() {
		cluster = RedisTestCluster.start();
		app = ClusterApp.start("spring.data.redis.cluster.nodes=" + cluster.nodesProperty());
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(app.get("/api/v1/articles?limit=5", null).body()).contains("(sample)"));
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
		cluster.close();
	}

	@Test
	void theAppServesAgainWithinTenSecondsOfAMasterDying() {
		String email = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		String password = "a long reader passphrase";
		SiteClient reader = new SiteClient(app.baseUrl());
		assertThat(reader.signUp(email, password).statusCode()).isEqualTo(302);
		String token = app.token(email, password);
		String id = app.get("/api/v1/articles?limit=5", null).body().replaceAll("(?s).*?\"id\":\"([0-9a-f]+)\".*",
				"$1");
		assertThat(app.send("PUT", "/api/v1/me/saved/" + id, token, null).statusCode()).isEqualTo(200);
		// Only writes the replicas have copied are promised to survive.
		cluster.awaitReplicated();
		// The master of the latest-articles index: every list request needs it.
		RedisProcess victim = cluster.masterOf("newsstand:articles:latest");

		long killedAt = System.nanoTime();
		victim.kill();
		// Traffic throughout: the list touches every master, the article read writes
		// the reader's history and meter, the session page reads the session.
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
				.until(() -> servesEverything(reader, token, id));
		long recoveredMillis = (System.nanoTime() - killedAt) / 1_000_000;
		log.info("Served every request again {} ms after a master was killed", recoveredMillis);
		cluster.awaitHealthy();
		assertThat(app.get("/api/v1/me/saved", token).body()).contains(id);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(
				() -> assertThat(app.get("/actuator/health", null).body()).contains("\"status\":\"UP\""));
	}

	private static boolean servesEverything(SiteClient reader, String token, String id) {
		try {
			return app.status("GET", "/api/v1/articles?limit=50", null) == 200
					&& app.status("GET", "/api/v1/articles/" + id, token) == 200
					&& app.status("PUT", "/api/v1/me/saved/" + id, token) == 200
					&& reader.get("/account").statusCode() == 200;
		} catch (RuntimeException ex) {
			return false;
		}
	}

}
