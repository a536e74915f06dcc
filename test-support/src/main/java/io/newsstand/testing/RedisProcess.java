package io.newsstand.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import redis.embedded.core.ExecutableProvider;

/**
 * A redis-server process of a test's own, with an append-only file in a
 * directory the test gives, that the test can kill and start again on the same
 * port and data: an outage the app did not cause and cannot repair.
 */
public final class RedisProcess implements AutoCloseable {

	private static final String HOST = "127.0.0.1";

	private final File binary;

	private final Path dir;

	private final int port;

	private @Nullable Process process;

	private RedisProcess(File binary, Path dir, int port) {
		this.binary = binary;
		this.dir = dir;
		this.port = port;
	}

	/** Starts a server on a free loopback port with its data in {@code dir}. */
	public static RedisProcess start(Path dir) {
		try {
			RedisProcess redis = new RedisProcess(ExecutableProvider.newJarResourceProvider().get(), dir, freePort());
			redis.startAgain();
			return redis;
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	/** The URL the app takes in {@code newsstand.redis.url}. */
	public String url() {
		return "redis://" + HOST + ":" + this.port;
	}

	/** Kills the server (SIGKILL): no goodbye to its clients. */
	public synchronized void kill() {
		Process running = this.process;
		this.process = null;
		if (running != null) {
			running.destroyForcibly();
			try {
				running.waitFor(10, TimeUnit.SECONDS);
			} catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Starts the server again on the same port and data, once it answers PING. */
	public synchronized void startAgain() {
		if (this.process != null) {
			return;
		}
		try {
			Process started = new ProcessBuilder(
					List.of(this.binary.getAbsolutePath(), "--port", Integer.toString(this.port), "--bind", HOST,
							"--dir", this.dir.toAbsolutePath().toString(), "--appendonly", "yes", "--save", ""))
					.redirectErrorStream(true).redirectOutput(this.dir.resolve("redis.log").toFile()).start();
			this.process = started;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (!answersPing()) {
				if (!started.isAlive() || System.nanoTime() > deadline) {
					throw new IllegalStateException("redis-server did not start on port " + this.port);
				}
				Thread.sleep(20);
			}
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		} catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private boolean answersPing() {
		return answersWithin(Duration.ofSeconds(2));
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

	@Override
	public void close() {
		kill();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
