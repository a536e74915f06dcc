package io.newsstand.web.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsstand.testing.RedisTestSentinel;
import io.newsstand.web.site.SiteClient;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The whole app on Redis Sentinel (one master, one replica, three Sentinels),
 * configured only through {@code spring.data.redis.sentinel.*}: it polls and
 * serves, and when the master is killed it serves again from the promoted
 * replica, with what was written before the kill.
 */
// Timed: alone, so no other test's Spring contexts compete for the CPU while it
// measures.
@Isolated
class SentinelAppTest {

	private static final Logger log = LoggerFactory.getLogger(SentinelAppTest.class);

	private static RedisTestSentinel sentinel;

	private static ClusterApp app;

	@BeforeAll
	static void start() {
		sentinel = RedisTestSentinel.start(3);
		app = ClusterApp.start("spring.data.redis.sentinel.master=" + RedisTestSentinel.MASTER_NAME,
				"spring.data.redis.sentinel.nodes=" + sentinel.sentinelNodesProperty());
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(app.get("/api/v1/articles?limit=5", null).body()).contains("(sample)"));
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
		sentinel.close();
	}

	@Test
	void servesFromThePromotedReplicaAfterTheMasterDies() {
		assertThat(app.bean(LettuceConnectionFactory.class).isRedisSentinelAware()).isTrue();
		String email = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		String password = "a long reader passphrase";
		SiteClient reader = new SiteClient(app.baseUrl());
		assertThat(reader.signUp(email, password).statusCode()).isEqualTo(302);
		String token = app.token(email, password);
		String id = app.get("/api/v1/articles?limit=5", null).body().replaceAll("(?s).*?\"id\":\"([0-9a-f]+)\".*",
				"$1");
		assertThat(app.send("PUT", "/api/v1/me/saved/" + id, token, null).statusCode()).isEqualTo(200);
		// What was written before the kill has reached the replica (asynchronous
		// replication: only then is it promised to survive).
		await().atMost(Duration.ofSeconds(10)).until(() -> sentinel.replica().call(redis -> redis.info("replication"))
				.contains("master_link_status:up")
				&& offset(sentinel.replica().call(redis -> redis.info("replication")), "slave_repl_offset") >= offset(
						sentinel.master().call(redis -> redis.info("replication")), "master_repl_offset"));

		long killedAt = System.nanoTime();
		sentinel.master().kill();
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
				.until(() -> app.status("GET", "/api/v1/articles?limit=50", null) == 200
						&& app.status("PUT", "/api/v1/me/saved/" + id, token) == 200
						&& reader.get("/account").statusCode() == 200);
		log.info("Served every request again {} ms after the Sentinel master was killed",
				(System.nanoTime() - killedAt) / 1_000_000);
		assertThat(sentinel.currentMaster()).isSameAs(sentinel.replica());
		assertThat(app.get("/api/v1/me/saved", token).body()).contains(id);
	}

	private static long offset(String info, String field) {
		return info.lines().filter(line -> line.startsWith(field + ":"))
				.mapToLong(line -> Long.parseLong(line.substring(field.length() + 1).strip())).findFirst().orElse(-1);
	}

}
