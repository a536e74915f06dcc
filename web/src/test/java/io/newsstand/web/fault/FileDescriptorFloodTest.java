package io.newsstand.web.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flood of idle connections takes every file descriptor the zero-config app
 * may open. While it lasts the app cannot even read {@code /proc}, which is how
 * a process id is looked up: its watchdog once took that for the embedded Redis
 * having died and restarted a healthy server, cutting every connection. The
 * server must outlive the flood, and the app must serve again once it ends.
 */
class FileDescriptorFloodTest {

	private static final int OPEN_FILES = 1024;

	@Test
	void aFloodThatTakesEveryFileDescriptorLeavesTheEmbeddedRedisRunning(@TempDir Path dir) throws Exception {
		// The flood's client side needs as many descriptors as the app gets, and more.
		assumeTrue(ownOpenFileLimit() >= 3L * OPEN_FILES,
				"this test's JVM may open fewer than " + 3 * OPEN_FILES + " files (ulimit -n)");
		try (AppProcess app = AppProcess.start(dir, "app.log", OPEN_FILES, "newsstand.redis.watchdog-interval=100ms",
				"newsstand.aggregator.polling-enabled=false")) {
			long redis = app.redisPid().orElseThrow();
			long logStart = app.logSize();
			List<Socket> flood = new ArrayList<>();
			try {
				// Tomcat accepts until no descriptor is left (and says so), then the
				// kernel's backlog fills and further attempts wait.
				Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
				while (!app.logSince(logStart).contains("Too many open files")) {
					assertThat(Instant.now())
							.as("the app ran out of file descriptors (%d connections held)", flood.size())
							.isBefore(deadline);
					for (int i = 0; i < 50; i++) {
						connect(app.port(), flood);
					}
				}
				// Fifty of the watchdog's checks while nothing can be opened.
				Thread.sleep(Duration.ofSeconds(5));
				assertThat(app.logSince(logStart)).as("the watchdog's view during the flood")
						.doesNotContain("has exited");
			} finally {
				for (Socket socket : flood) {
					socket.close();
				}
			}
			await("the app to serve again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
					.until(() -> healthy(app));
			assertThat(app.redisPid()).as("the same redis-server").hasValue(redis);
			assertThat(ProcessHandle.of(redis).map(ProcessHandle::isAlive)).as("redis-server %d", redis).hasValue(true);
			assertThat(app.logSince(logStart)).doesNotContain("has exited");
		}
	}

	private static void connect(int port, List<Socket> flood) {
		Socket socket = new Socket();
		try {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			flood.add(socket);
		} catch (IOException backlogFull) {
			try {
				socket.close();
			} catch (IOException ignored) {
				// Never connected.
			}
		}
	}

	/** The soft limit on open files of this JVM (Linux's /proc), or 0. */
	private static long ownOpenFileLimit() throws IOException {
		Path limits = Path.of("/proc/self/limits");
		if (!Files.exists(limits)) {
			return 0;
		}
		return Files.readAllLines(limits).stream().filter((line) -> line.startsWith("Max open files"))
				.map((line) -> line.split("\\s+")[3])
				.map((soft) -> "unlimited".equals(soft) ? Long.MAX_VALUE : Long.parseLong(soft)).findFirst().orElse(0L);
	}

	private static boolean healthy(AppProcess app) {
		try {
			return app.get("/actuator/health").statusCode() == 200;
		} catch (IOException | InterruptedException notYet) {
			return false;
		}
	}

}
