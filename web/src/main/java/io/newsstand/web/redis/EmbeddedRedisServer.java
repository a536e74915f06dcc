package io.newsstand.web.redis;

import io.newsstand.web.startup.InvalidSettingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The redis-server binary shipped in the embedded-redis jar, bound to 127.0.0.1
 * on a free port and persisted with an append-only file under the data
 * directory, so a restart loses nothing.
 * <p>
 * The server belongs to this app alone. It is started before the connection
 * factory (as the bean's init method) and shut down with {@code SHUTDOWN}
 * (which fsyncs the append-only file) in the last lifecycle phase, after the
 * web server, the schedulers and every Redis client have stopped. The
 * embedded-redis library only supplies the binary: its own start would add a
 * JVM shutdown hook that kills the server while Spring is still shutting down.
 * <p>
 * A server an earlier, killed app left running on the data directory is found
 * through {@link EmbeddedRedisPidFile} and shut down before a new one starts,
 * so two servers never write one append-only file; and the server is started so
 * that it exits when the app dies (see
 * {@link EmbeddedRedisProcess#WATCH_PARENT}).
 */
class EmbeddedRedisServer implements SmartLifecycle {

	static final String DATA_DIR_PROPERTY = "newsstand.redis.data-dir";

	/**
	 * After every phase that may use Redis: the web server (graceful shutdown),
	 * schedulers and listener containers ({@code DEFAULT_PHASE} and just below) and
	 * the connection factory (phase 0).
	 */
	static final int PHASE = Integer.MIN_VALUE / 2;

	static final String CONFIG_FILE = "redis.conf";

	static final String LOG_FILE = "redis.log";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisServer.class);

	private static final String HOST = EmbeddedRedisProcess.HOST;

	private final Path dataDir;

	private final int port;

	private @Nullable Process process;

	private long redisPid = -1;

	private boolean running;

	private final EmbeddedRedisDataDir locked;

	EmbeddedRedisServer(Path dataDir) {
		this.dataDir = dataDir.toAbsolutePath().normalize();
		this.locked = new EmbeddedRedisDataDir(this.dataDir);
		this.port = freePort();
	}

	String host() {
		return HOST;
	}

	int port() {
		return this.port;
	}

	Path dataDir() {
		return this.dataDir;
	}

	/** The redis-server process, -1 when none runs. */
	synchronized long pid() {
		return this.redisPid;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		stopLeftover();
		launch();
		this.running = true;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Shuts the server down with SHUTDOWN and waits until it has gone, so its
	 * append-only file is complete before the data directory is released.
	 */
	@Override
	public synchronized void stop() {
		this.running = false;
		Process wrapper = this.process;
		this.process = null;
		if (wrapper != null) {
			shutDown(this.port, this.redisPid);
			EmbeddedRedisProcess.close(wrapper);
			EmbeddedRedisPidFile.delete(this.dataDir);
			this.redisPid = -1;
		}
	}

	/**
	 * Stops the server if the lifecycle did not, and releases the data directory.
	 */
	synchronized void close() {
		stop();
		this.locked.release();
	}

	/**
	 * Starts the server again on the same port and data if its process has gone.
	 * <p>
	 * "Gone" needs the wrapper's exit as this JVM reaped it (the wrapper exits when
	 * Redis does), not only a failed look-up of the pid: {@link ProcessHandle#of}
	 * reads {@code /proc}, and with every file descriptor in use (a flood of
	 * connections) that read fails and a live server looks dead. Restarting then
	 * would cut every connection of a healthy server at the worst moment.
	 */
	synchronized boolean restartIfDead() {
		Process wrapper = this.process;
		if (!this.running || (wrapper != null && wrapper.isAlive()) || EmbeddedRedisProcess.isAlive(this.redisPid)) {
			return false;
		}
		log.warn("Embedded Redis (pid {}) on {}:{} has exited; restarting it on the same data in {}", this.redisPid,
				HOST, this.port, this.dataDir);
		if (wrapper != null) {
			EmbeddedRedisProcess.close(wrapper);
		}
		launch();
		log.info("Embedded Redis is back on {}:{} (pid {})", HOST, this.port, this.redisPid);
		return true;
	}

	private void launch() {
		try {
			EmbeddedRedisProcess.Started started = EmbeddedRedisProcess.start(this.dataDir, writeConfig(),
					this.dataDir.resolve(LOG_FILE), this.port);
			this.process = started.wrapper();
			this.redisPid = started.pid();
			new EmbeddedRedisPidFile(this.redisPid, this.port).write(this.dataDir);
		} catch (IOException | RuntimeException ex) {
			Process started = this.process;
			this.process = null;
			if (started != null) {
				EmbeddedRedisProcess.close(started);
			}
			throw new InvalidSettingException(DATA_DIR_PROPERTY,
					"the embedded Redis did not start on " + HOST + ":" + this.port + " with data in " + this.dataDir
							+ " (" + ex.getMessage() + ")" + logTail(),
					"Check that the data directory holds a valid append-only file (see " + LOG_FILE
							+ " there), or point NEWSSTAND_REDIS_DATADIR at another directory.",
					ex);
		}
	}

	private Path writeConfig() throws IOException {
		String config = String.join("\n", "bind " + HOST, "port " + this.port, "dir \"" + this.dataDir + "\"",
				"appendonly yes", "appendfsync everysec", "save \"\"", "protected-mode yes", "daemonize no", "");
		Path file = this.dataDir.resolve(CONFIG_FILE);
		Files.writeString(file, config, StandardCharsets.UTF_8);
		return file;
	}

	/**
	 * A server named by the pid file that is still alive and still serves this data
	 * directory is shut down with SHUTDOWN, which fsyncs its append-only file; it
	 * is identified by the configuration file it runs with, never by its name. A
	 * pid that now belongs to another process is left alone.
	 */
	private void stopLeftover() {
		Optional<EmbeddedRedisPidFile> recorded = EmbeddedRedisPidFile.read(this.dataDir);
		if (recorded.isEmpty()) {
			return;
		}
		EmbeddedRedisPidFile leftover = recorded.get();
		if (EmbeddedRedisProcess.isAlive(leftover.pid()) && servesThisDataDir(leftover)) {
			log.warn(
					"An embedded Redis (pid {}, port {}) left running by an earlier start still serves {}; "
							+ "shutting it down (SHUTDOWN, append-only file synced) before starting this one",
					leftover.pid(), leftover.port(), this.dataDir);
			shutDown(leftover.port(), leftover.pid());
			if (EmbeddedRedisProcess.isAlive(leftover.pid())) {
				throw new InvalidSettingException(DATA_DIR_PROPERTY,
						"the embedded Redis left running by an earlier start (pid " + leftover.pid() + ", port "
								+ leftover.port() + ") did not shut down",
						"Stop that redis-server process, then start Newsstand again.");
			}
		}
		EmbeddedRedisPidFile.delete(this.dataDir);
	}

	private boolean servesThisDataDir(EmbeddedRedisPidFile leftover) {
		try (RedisSocket redis = RedisSocket.connect(HOST, leftover.port(), Duration.ofSeconds(5))) {
			String info = redis.command("INFO", "server");
			return this.dataDir.resolve(CONFIG_FILE).toString()
					.equals(EmbeddedRedisProcess.infoField(info, "config_file"));
		} catch (IOException | RuntimeException ex) {
			log.info("{} names pid {}, which does not answer as a Redis on port {}; starting afresh",
					EmbeddedRedisPidFile.NAME, leftover.pid(), leftover.port());
			return false;
		}
	}

	/**
	 * SHUTDOWN makes Redis fsync the append-only file and exit; waits until the
	 * process has gone, falling back to SIGTERM (the same graceful shutdown) if it
	 * does not answer.
	 */
	private void shutDown(int serverPort, long pid) {
		long started = System.nanoTime();
		try (RedisSocket redis = RedisSocket.connect(HOST, serverPort, Duration.ofSeconds(10))) {
			redis.command("SHUTDOWN");
		} catch (IOException ex) {
			// The server closes the connection as it exits; it answers only if SHUTDOWN
			// failed.
		}
		Optional<ProcessHandle> handle = ProcessHandle.of(pid);
		if (handle.isPresent()
				&& !EmbeddedRedisProcess.awaitExit(handle.get(), EmbeddedRedisProcess.SHUTDOWN_TIMEOUT)) {
			log.warn("Embedded Redis (pid {}) did not exit after SHUTDOWN; sending SIGTERM", pid);
			handle.get().destroy();
			EmbeddedRedisProcess.awaitExit(handle.get(), EmbeddedRedisProcess.SHUTDOWN_TIMEOUT);
		}
		log.info("Embedded Redis (pid {}, port {}) shut down, append-only file synced, in {} ms", pid, serverPort,
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
	}

	private String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.dataDir.resolve(LOG_FILE), StandardCharsets.UTF_8);
			return lines.isEmpty()
					? ""
					: "; its log ends: "
							+ String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
		} catch (IOException | UncheckedIOException ex) {
			return "";
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		} catch (IOException ex) {
			throw new UncheckedIOException("No free port on " + HOST, ex);
		}
	}

}
