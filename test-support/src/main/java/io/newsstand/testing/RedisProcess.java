package io.newsstand.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import redis.embedded.core.ExecutableProvider;

/**
 * One redis-server process started from the binary the embedded server uses
 * (the one shipped in the embedded-redis jar), on a loopback port, with a
 * working directory of its own; killed by its pid. The nodes of a test cluster
 * or Sentinel setup, or a single server a test kills and starts again on the
 * same port and data: an outage the app did not cause and cannot repair.
 */
public final class RedisProcess implements AutoCloseable {

	static final String HOST = "127.0.0.1";

	private static final int LAUNCH_ATTEMPTS = 10;

	private static @Nullable File binary;

	private final int port;

	private final Path dir;

	private final List<String> arguments;

	private @Nullable Process process;

	RedisProcess(int port, Path dir, List<String> arguments) {
		this.port = port;
		this.dir = dir;
		this.arguments = arguments;
	}

	/**
	 * Starts a single server on a free loopback port with its append-only file in
	 * {@code dir}.
	 */
	public static RedisProcess start(Path dir) {
		int port = freePort();
		RedisProcess redis = new RedisProcess(port, dir, List.of("--port", Integer.toString(port), "--bind", HOST,
				"--dir", dir.toAbsolutePath().toString(), "--appendonly", "yes", "--save", ""));
		redis.start();
		return redis;
	}

	/**
	 * The redis-server binary of the embedded-redis jar, extracted once per JVM.
	 */
	static synchronized File binary() {
		if (binary == null) {
			try {
				binary = ExecutableProvider.newJarResourceProvider().get();
			} catch (IOException ex) {
				throw new UncheckedIOException("The embedded-redis jar has no redis-server for this platform", ex);
			}
		}
		return binary;
	}

	public int port() {
		return this.port;
	}

	public String address() {
		return HOST + ":" + this.port;
	}

	/** The URL the app takes in {@code newsstand.redis.url}. */
	public String url() {
		return "redis://" + address();
	}

	Path dir() {
		return this.dir;
	}

	/** Starts the process (again, on the same directory, after a kill). */
	synchronized void start() {
		List<String> command = new ArrayList<>();
		command.add(binary().getAbsolutePath());
		command.addAll(this.arguments);
		Process started = launch(command);
		this.process = started;
		String what = "redis-server on port " + this.port + " to come up; see " + this.dir.resolve("redis.log");
		Awaitility.await(what).atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(20)).failFast("redis-server exited", () -> !started.isAlive())
				.until(this::answers);
	}

	/**
	 * Starts the binary, again when the exec failed because the file is busy: a
	 * process forked by another thread at the moment the binary was written holds
	 * its write handle until that child execs ({@code ETXTBSY}, seen in CI with
	 * test classes starting servers in parallel). Other failures are final.
	 */
	private Process launch(List<String> command) {
		for (int attempt = 1;; attempt++) {
			try {
				return new ProcessBuilder(command).directory(this.dir.toFile()).redirectErrorStream(true)
						.redirectOutput(ProcessBuilder.Redirect.appendTo(this.dir.resolve("redis.log").toFile()))
						.start();
			} catch (IOException ex) {
				if (attempt >= LAUNCH_ATTEMPTS || !textFileBusy(ex)) {
					throw new UncheckedIOException(
							"redis-server did not start on port " + this.port + ": " + ex.getMessage(), ex);
				}
				pause(50L * attempt);
			}
		}
	}

	static boolean textFileBusy(IOException ex) {
		String message = String.valueOf(ex.getMessage());
		return message.contains("error=26") || message.contains("Text file busy");
	}

	/** SIGKILL, as a crashed machine would stop: no shutdown, no last write. */
	public synchronized void kill() {
		Process running = this.process;
		this.process = null;
		if (running != null) {
			running.destroyForcibly();
			try {
				running.waitFor();
			} catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Starts the server again on the same port and data after {@link #kill()}, once
	 * it accepts connections; nothing when it runs.
	 */
	public synchronized void startAgain() {
		if (!alive()) {
			start();
		}
	}

	@Override
	public void close() {
		kill();
	}

	public synchronized boolean alive() {
		return this.process != null && this.process.isAlive();
	}

	/** Runs commands on a connection to this process alone. */
	public <T> T call(Function<RedisCommands<String, String>, T> commands) {
		RedisClient client = RedisClient.create(
				RedisURI.builder().withHost(HOST).withPort(this.port).withTimeout(Duration.ofSeconds(5)).build());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return commands.apply(connection.sync());
		} finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	/**
	 * Whether the server answers PING within {@code timeout}; false while it is
	 * busy with a long command (it runs one at a time) or gone.
	 */
	public boolean answersWithin(Duration timeout) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, this.port), 200);
			socket.setSoTimeout((int) timeout.toMillis());
			socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			InputStream in = socket.getInputStream();
			return in.read() == '+';
		} catch (IOException ex) {
			return false;
		}
	}

	boolean answers() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, this.port), 200);
			return true;
		} catch (IOException ex) {
			return false;
		}
	}

	void deleteDir() {
		try (Stream<Path> files = Files.walk(this.dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		} catch (IOException ex) {
			// A temporary directory; the OS cleans it up in time.
		}
	}

	static Path newDir(String name) {
		try {
			return Files.createTempDirectory("newsstand-" + name + "-");
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A free loopback port whose Cluster bus port (+10000) is free too; Redis 6.2
	 * refuses ports above 55535 in cluster mode.
	 */
	static int freeClusterPort() {
		for (int attempt = 0; attempt < 200; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(20_000, 45_000);
			if (free(port) && free(port + 10_000)) {
				return port;
			}
		}
		throw new IllegalStateException("No free port pair (port, port+10000) on " + HOST);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
			socket.setReuseAddress(true);
			return true;
		} catch (IOException ex) {
			return false;
		}
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Redis", ex);
		}
	}

}
