package io.newsstand.web.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-config app as a process, stopped every way it can be, on one data
 * directory: SIGTERM, kill -9, and kill -9 of the app together with the
 * embedded Redis's guard (a Redis left running). After each restart the
 * articles, the account and its API token are all there, and one redis-server
 * writes the append-only file. The steps run in order on one app, as an
 * operator's day would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashAndRestartTest {

	private static final Pattern ARTICLE_ID = Pattern.compile("\"id\":\"([^\"]+)\"");

	private Path dataDir;

	private AppProcess app;

	private final String email = "crash-" + UUID.randomUUID() + "@example.com";

	private final String password = "correct horse battery staple " + UUID.randomUUID();

	private String token;

	private List<String> articleIds;

	@BeforeAll
	void startAndWrite(@TempDir Path dir) throws Exception {
		this.dataDir = dir;
		this.app = AppProcess.start(dir, "app.log");
		HttpResponse<String> signUp = this.app.post("/api/v1/accounts", credentials(), "Content-Type",
				"application/json");
		assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(202);
		// The address is confirmed through the link the development outbox holds, as a
		// reader would.
		String outbox = this.app.get("/dev/outbox", "Accept", "application/json").body();
		Matcher link = Pattern.compile("https?://[^/\"]+(/verify-email/[^\"]+)\"").matcher(outbox);
		assertThat(link.find()).as(outbox).isTrue();
		assertThat(this.app.get(link.group(1)).statusCode()).isLessThan(400);
		HttpResponse<String> issued = this.app.post("/api/v1/auth/token", credentials(), "Content-Type",
				"application/json");
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
		this.token = field(issued.body(), "token");
		// The demo catalog's feeds are polled at start-up.
		await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
				.until(() -> ids(this.app.get("/api/v1/articles?limit=5").body()).size() == 5);
		this.articleIds = ids(this.app.get("/api/v1/articles?limit=5").body());
	}

	@AfterAll
	void stop() {
		if (this.app != null) {
			this.app.close();
		}
	}

	@Test
	@Order(1)
	void sigtermStopsTheWebFirstAndRedisLastWithShutdownAndLosesNothing() throws Exception {
		int status = this.app.terminate();
		String log = this.app.log();
		String redisRun = lastRedisRun();
		this.app = AppProcess.start(this.dataDir, "app.log");

		assertThat(status).as("exit status after SIGTERM").isIn(0, 143);
		int graceful = log.indexOf("Commencing graceful shutdown");
		int drained = log.indexOf("Graceful shutdown complete");
		int redisDown = log.indexOf("shut down, append-only file synced");
		assertThat(graceful).isPositive();
		assertThat(drained).isGreaterThan(graceful);
		assertThat(redisDown).as("Redis is shut down after the web server has drained").isGreaterThan(drained);
		assertThat(log.substring(graceful)).doesNotContain(" ERROR ");
		assertThat(redisRun).contains("User requested shutdown", "Calling fsync() on the AOF file")
				.doesNotContain("Received SIGTERM").doesNotContain("Received SIGINT");
		assertNothingLost();
	}

	@Test
	@Order(2)
	void killMinus9TakesTheEmbeddedRedisDownWithTheAppAndLosesNothing() throws Exception {
		long redis = this.app.redisPid().orElseThrow();
		this.app.kill();
		await().atMost(Duration.ofSeconds(10))
				.until(() -> ProcessHandle.of(redis).map(process -> !process.isAlive()).orElse(true));
		assertThat(lastRedisRun()).as("Redis shut down gracefully, append-only file synced")
				.contains("Received SIGTERM", "Calling fsync() on the AOF file");

		this.app = AppProcess.start(this.dataDir, "app.log");
		assertOneRedisOnTheDataDirectory();
		assertNothingLost();
	}

	@Test
	@Order(3)
	void aRedisLeftRunningByAKilledAppIsShutDownBeforeANewOneStarts() throws Exception {
		long redis = this.app.redisPid().orElseThrow();
		// As on a system where the guard could not run, or was killed along with
		// the app: the server is orphaned and keeps writing the append-only file.
		List<ProcessHandle> guards = this.app.descendants().stream().filter(process -> process.pid() != redis).toList();
		assertThat(guards).as("the guard watching the app for Redis").isNotEmpty();
		guards.forEach(ProcessHandle::destroyForcibly);
		// Only once the guard has gone may the app die, or the guard would still see
		// the app's end and stop Redis itself.
		await().atMost(Duration.ofSeconds(10)).until(() -> guards.stream().noneMatch(ProcessHandle::isAlive));
		this.app.kill();
		// Long enough for a guard that was missed to act on the app's end.
		Thread.sleep(1000);
		assertThat(ProcessHandle.of(redis).map(ProcessHandle::isAlive))
				.as("orphaned Redis still running: %s", redisLogTail()).hasValue(true);

		long logFrom = this.app.logSize();
		this.app = AppProcess.start(this.dataDir, "app.log");
		String startLog = this.app.logSince(logFrom);
		assertThat(ProcessHandle.of(redis).map(ProcessHandle::isAlive).orElse(false))
				.as("the orphan was shut down: %s", redisLogTail()).isFalse();
		assertThat(startLog).as("the new start's log, with Redis's: %s", redisLogTail())
				.contains("left running by an earlier start");
		assertThat(this.app.redisPid().orElseThrow()).isNotEqualTo(redis);
		assertOneRedisOnTheDataDirectory();
		assertNothingLost();
	}

	private void assertNothingLost() throws Exception {
		HttpResponse<String> signIn = this.app.post("/api/v1/auth/token", credentials(), "Content-Type",
				"application/json");
		assertThat(signIn.statusCode()).as("the account and its password").isEqualTo(200);
		HttpResponse<String> me = this.app.get("/api/v1/me", "Authorization", "Bearer " + this.token);
		assertThat(me.statusCode()).as("the API token issued before").isEqualTo(200);
		assertThat(me.body()).contains(this.email);
		for (String id : this.articleIds) {
			assertThat(this.app.get("/api/v1/articles/" + id).statusCode()).as("article " + id).isEqualTo(200);
		}
	}

	private void assertOneRedisOnTheDataDirectory() {
		Path aof = this.dataDir.resolve("redis").resolve("appendonly.aof");
		assertThat(AppProcess.processesWithOpen(aof)).containsExactly(this.app.redisPid().orElseThrow());
	}

	private String redisLogTail() throws Exception {
		String log = Files.readString(this.dataDir.resolve("redis").resolve("redis.log"), StandardCharsets.UTF_8);
		return log.substring(Math.max(0, log.length() - 3000));
	}

	/** What the embedded Redis logged since it last started. */
	private String lastRedisRun() throws Exception {
		String log = Files.readString(this.dataDir.resolve("redis").resolve("redis.log"), StandardCharsets.UTF_8);
		return log.substring(Math.max(0, log.lastIndexOf("Ready to accept connections")));
	}

	private String credentials() {
		return "{\"email\":\"" + this.email + "\",\"password\":\"" + this.password + "\"}";
	}

	private static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		assertThat(matcher.find()).as(name + " in " + json).isTrue();
		return matcher.group(1);
	}

	private static List<String> ids(String json) {
		return ARTICLE_ID.matcher(json).results().map(match -> match.group(1)).toList();
	}

}
