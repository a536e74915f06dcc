package io.newsstand.web.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsstand.web.site.SiteTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The zero-config app: an embedded Redis persisted under the data directory.
 */
@ExtendWith(OutputCaptureExtension.class)
// Spring Boot's logging set-up races when two applications start at the same
// moment in one JVM
// ("Unable to find Spring Environment in logger context"); not alongside the
// site tests' context.
// Reads the log from standard output: no other class may start or close a
// context meanwhile (that re-initialises logging onto another stream).
@Isolated
@ResourceLock(SiteTest.CLOCK)
class EmbeddedRedisTest {

	@TempDir
	Path dataDir;

	@Test
	void secondStartOnTheSameDataDirectorySeesTheSameData() {
		try (TestApp app = TestApp.startEmbedded(this.dataDir)) {
			app.bean(StringRedisTemplate.class).opsForValue().set("greeting", "kept across restarts");
		}
		assertThat(this.dataDir.resolve("appendonly.aof")).exists();
		try (TestApp app = TestApp.startEmbedded(this.dataDir)) {
			assertThat(app.bean(StringRedisTemplate.class).opsForValue().get("greeting"))
					.isEqualTo("kept across restarts");
		}
	}

	@Test
	void healthIsUpAndReportsRedis() throws Exception {
		try (TestApp app = TestApp.startEmbedded(this.dataDir)) {
			HttpResponse<String> health = app.get("/actuator/health");
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"redis\":{\"status\":\"UP\"");
		}
	}

	@Test
	void httpSessionsAreKeptInRedis() throws Exception {
		try (TestApp app = TestApp.startEmbedded(this.dataDir)) {
			HttpResponse<String> response = app.get("/test/session");
			assertThat(response.headers().firstValue("Set-Cookie"))
					.hasValueSatisfying(cookie -> assertThat(cookie).startsWith("SESSION="));
			String key = "newsstand:session:sessions:" + response.body();
			StringRedisTemplate redis = app.bean(StringRedisTemplate.class);
			// The session is saved as the request completes, which may be just after the
			// body reached us.
			await().atMost(Duration.ofSeconds(15)).until(() -> redis.hasKey(key));
		}
	}

	@Test
	void startUpLogsWhichRedisIsUsedAndWhereItsDataLives(CapturedOutput output) {
		try (TestApp app = TestApp.startEmbedded(this.dataDir)) {
			EmbeddedRedisServer server = app.bean(EmbeddedRedisServer.class);
			assertThat(output.getOut()).contains("Redis: embedded redis-server on 127.0.0.1:" + server.port()
					+ ", data in " + this.dataDir.toAbsolutePath().normalize());
		}
	}

	@Test
	void redisDyingGivesDownHealthAndA503PageThenTheAppRecovers() throws Exception {
		try (TestApp app = TestApp.startEmbedded(this.dataDir)) {
			app.bean(StringRedisTemplate.class).opsForValue().set("probe", "still here");
			assertThat(app.get("/test/probe/probe").body()).isEqualTo("still here");

			// Redis exits as if its process died; the append-only file stays.
			try (RedisConnection connection = app.bean(RedisConnectionFactory.class).getConnection()) {
				connection.serverCommands().shutdown();
			} catch (RuntimeException expected) {
				// The server closes the connection instead of answering.
			}
			// Keep the watchdog from restarting it before we have looked.
			synchronized (app.bean(EmbeddedRedisServer.class)) {
				HttpResponse<String> health = app.get("/actuator/health");
				assertThat(health.statusCode()).isEqualTo(503);
				assertThat(health.body()).contains("\"status\":\"DOWN\"");

				HttpResponse<String> page = app.get("/test/probe/probe", "Accept", "text/html");
				assertThat(page.statusCode()).isEqualTo(503);
				assertThat(page.headers().firstValue("Content-Type"))
						.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
				assertThat(page.headers().firstValue("Retry-After")).hasValue("1");
				assertThat(page.body()).contains("Back in a moment").contains("cannot reach its data store");

				HttpResponse<String> api = app.get("/test/probe/probe", "Accept", "application/json");
				assertThat(api.statusCode()).isEqualTo(503);
				assertThat(api.headers().firstValue("Content-Type"))
						.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
				assertThat(api.body()).contains("\"status\":503");
			}

			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
					.untilAsserted(() -> assertThat(app.get("/actuator/health").statusCode()).isEqualTo(200));
			// Requests follow once the circuit's next probe has seen Redis answer.
			await().atMost(Duration.ofSeconds(5)).until(() -> "still here".equals(app.get("/test/probe/probe").body()));
		}
	}

}
