package io.newsstand.web.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
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
 * directory: SIGTERM, kill -9, and a Redis left running on the data directory
 * (as when the embedded Redis's guard was killed along with the app). After
 * each restart the articles, the account and its API token are all there, and
 * one redis-server writes the append-only file. The steps run in order on one
 * app, as an operator's day would.
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
	void aRedisLeftRunningOnTheDataDirectoryIsShutDownBeforeANewOneStarts() throws Exception {
		long appRedis = this.app.redisPid().orElseThrow();
		String binary = ProcessHandle.of(appRedis).flatMap(process -> process.info().command()).orElseThrow();
		this.app.kill();
		await().atMost(Duration.ofSeconds(10))
				.until(() -> ProcessHandle.of(appRedis).map(process -> !process.isAlive()).orElse(true));
		// As on a system where the guard could not run, or was killed along with the
		// app: a server is left on the data directory, named by its pid file, and
		// keeps writing the append-only file. Started here rather than by killing the
		// guard, so the scenario does not depend on how signals reach a process tree.
		Process leftover = startLeftover(binary);

		long logFrom = this.app.logSize();
		this.app = AppProcess.start(this.dataDir, "app.log");
		String startLog = this.app.logSince(logFrom);
		assertThat(leftover.isAlive()).as("the leftover was shut down: %s", redisLogTail()).isFalse();
		assertThat(startLog).as("the new start's log").contains("left running by an earlier start");
		assertThat(lastRedisRunBefore(leftover)).as("the leftover synced its append-only file")
				.contains("User requested shutdown");
		assertThat(this.app.redisPid().orElseThrow()).isNotEqualTo(leftover.pid());
		assertOneRedisOnTheDataDirectory();
		assertNothingLost();
	}

	/**
	 * Starts the embedded binary on the data directory's own configuration (its
	 * port and append-only file) and records it in the pid file, as the app does.
	 */
	private Process startLeftover(String binary) throws Exception {
		Path redisDir = this.dataDir.resolve("redis");
		String pidFile = Files.readString(redisDir.resolve("redis.pid"), StandardCharsets.US_ASCII).strip();
		int port = Integer.parseInt(pidFile.split("\\s+")[1]);
		Process leftover = new ProcessBuilder(binary, redisDir.resolve("redis.conf").toString())
				.directory(redisDir.toFile()).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(redisDir.resolve("redis.log").toFile())).start();
		await().atMost(Duration.ofSeconds(30)).until(() -> answersPing(port));
		Files.writeString(redisDir.resolve("redis.pid"), leftover.pid() + " " + port + "\n", StandardCharsets.US_ASCII);
		return leftover;
	}

	private static boolean answersPing(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(2000);
			socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			byte[] answer = new byte[7];
			int read = socket.getInputStream().readNBytes(answer, 0, 7);
			return read == 7 && new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
		} catch (IOException notYet) {
			return false;
		}
	}

	/** What Redis logged from the leftover's start to the next server's. */
	private String lastRedisRunBefore(Process leftover) throws Exception {
		String log = Files.readString(this.dataDir.resolve("redis").resolve("redis.log"), StandardCharsets.UTF_8);
		int from = log.indexOf("\n" + leftover.pid() + ":");
		return (from < 0) ? "" : log.substring(from);
	}

	private void assertNothingLost() throws Exception {
		// Straight after a start on a loaded machine a command may time out: that is
		// answered 503 (try again), which the sign-in may meet; a refusal (401) never.
		HttpResponse<String> signIn = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(
				() -> this.app.post("/api/v1/auth/token", credentials(), "Content-Type", "application/json"),
				response -> response.statusCode() != 503);
		assertThat(signIn.statusCode()).as("the account and its password: %s", signIn.body()).isEqualTo(200);
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
