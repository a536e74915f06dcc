package io.newsstand.web.redis;

import io.newsstand.web.startup.InvalidSettingException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import redis.embedded.core.ExecutableProvider;

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
 * that it exits when the app dies (see {@link #WATCH_PARENT}).
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

	private static final String HOST = "127.0.0.1";

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

	private static final String CANNOT_EXECUTE = "redis-server could not be executed (exit status 126)";

	/**
	 * Runs redis-server as its child and sends it SIGTERM (a graceful shutdown with
	 * fsync, like SHUTDOWN) once its standard input reaches end of file: the app
	 * holds the other end of that pipe, and the operating system closes it when the
	 * app exits in any way, kill -9 included. Java cannot set the Linux
	 * parent-death signal (prctl PR_SET_PDEATHSIG) and Redis has no option to
	 * follow its parent; a pipe needs no polling and works on every POSIX system.
	 * The wrapper ignores SIGINT and SIGHUP so that a Ctrl-C at a terminal is the
	 * app's to handle; where {@code setsid} exists the whole tree runs in a session
	 * of its own so the terminal's signals do not reach Redis either.
	 */
	static final String WATCH_PARENT = """
			exec 3<&0
			"$@" </dev/null 3<&- &
			redis=$!
			trap '' INT HUP
			( read -r _ <&3; kill -TERM "$redis" 2>/dev/null ) &
			watcher=$!
			exec 3<&-
			wait "$redis"
			status=$?
			kill -KILL "$watcher" 2>/dev/null
			exit "$status"
			""";

	private final Path dataDir;

	private final int port;

	private static @Nullable File extracted;

	private @Nullable Process process;

	private long redisPid = -1;

	private boolean running;

	private @Nullable FileChannel lockChannel;

	EmbeddedRedisServer(Path dataDir) {
		this.dataDir = dataDir.toAbsolutePath().normalize();
		prepareDataDir();
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
			close(wrapper);
			EmbeddedRedisPidFile.delete(this.dataDir);
			this.redisPid = -1;
		}
	}

	/**
	 * Stops the server if the lifecycle did not, and releases the data directory.
	 */
	synchronized void close() {
		stop();
		releaseLock();
	}

	/**
	 * Starts the server again on the same port and data if its process has gone.
	 */
	synchronized boolean restartIfDead() {
		if (!this.running || isAlive(this.redisPid)) {
			return false;
		}
		log.warn("Embedded Redis (pid {}) on {}:{} has exited; restarting it on the same data in {}", this.redisPid,
				HOST, this.port, this.dataDir);
		Process wrapper = this.process;
		if (wrapper != null) {
			close(wrapper);
		}
		launch();
		log.info("Embedded Redis is back on {}:{} (pid {})", HOST, this.port, this.redisPid);
		return true;
	}

	private void launch() {
		try {
			Path config = writeConfig();
			ProcessBuilder builder = new ProcessBuilder(command(binary(), config)).directory(this.dataDir.toFile())
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(this.dataDir.resolve(LOG_FILE).toFile()));
			for (int attempt = 1;; attempt++) {
				try {
					Process started = builder.start();
					this.process = started;
					this.redisPid = awaitReady(started);
					break;
				} catch (IOException ex) {
					// Exit status 126 is the shell's "cannot execute": the binary busy for a moment
					// (see binary()); anything else is a real failure.
					if (attempt >= 5 || !(textFileBusy(ex) || CANNOT_EXECUTE.equals(ex.getMessage()))) {
						throw ex;
					}
					pause(Duration.ofMillis(50L * attempt));
				}
			}
			new EmbeddedRedisPidFile(this.redisPid, this.port).write(this.dataDir);
		} catch (IOException | RuntimeException ex) {
			Process started = this.process;
			this.process = null;
			if (started != null) {
				close(started);
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
	 * The redis-server of the embedded-redis jar, written out once per JVM: every
	 * write of an executable races the processes other threads fork at that moment
	 * (a child holding the write handle makes the exec fail with "Text file busy"),
	 * so contexts starting side by side in one JVM share one copy.
	 */
	private static synchronized File binary() throws IOException {
		if (extracted == null || !extracted.canExecute()) {
			extracted = ExecutableProvider.newJarResourceProvider().get();
		}
		return extracted;
	}

	private static boolean textFileBusy(IOException ex) {
		String message = String.valueOf(ex.getMessage());
		return message.contains("error=26") || message.contains("Text file busy");
	}

	static List<String> command(File binary, Path config) {
		List<String> command = new ArrayList<>();
		File shell = new File("/bin/sh");
		if (shell.canExecute()) {
			onPath("setsid").ifPresent(setsid -> command.add(setsid.toString()));
			command.addAll(List.of(shell.getPath(), "-c", WATCH_PARENT, "newsstand-redis"));
		}
		command.add(binary.getAbsolutePath());
		command.add(config.toString());
		return command;
	}

	private static Optional<Path> onPath(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String dir : path.split(File.pathSeparator)) {
			Path candidate = Path.of(dir, name);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/**
	 * Waits until the server answers PING (it answers LOADING while it replays the
	 * append-only file), and returns its process id.
	 */
	private long awaitReady(Process started) throws IOException {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!started.isAlive()) {
				throw new IOException((started.exitValue() == 126)
						? CANNOT_EXECUTE
						: "redis-server exited with status " + started.exitValue());
			}
			try (RedisSocket redis = RedisSocket.connect(HOST, this.port, Duration.ofSeconds(2))) {
				if ("PONG".equals(redis.command("PING"))) {
					return processId(redis);
				}
			} catch (IOException notYet) {
				// Not listening yet.
			}
			pause(Duration.ofMillis(20));
		}
		throw new IOException("redis-server did not answer within " + START_TIMEOUT.toSeconds() + " s");
	}

	private static long processId(RedisSocket redis) throws IOException {
		return Long.parseLong(infoField(redis.command("INFO", "server"), "process_id"));
	}

	private static String infoField(@Nullable String info, String field) throws IOException {
		if (info != null) {
			for (String line : info.split("\r?\n")) {
				if (line.startsWith(field + ":")) {
					return line.substring(field.length() + 1).strip();
				}
			}
		}
		throw new IOException("INFO has no " + field);
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
		if (isAlive(leftover.pid()) && servesThisDataDir(leftover)) {
			log.warn(
					"An embedded Redis (pid {}, port {}) left running by an earlier start still serves {}; "
							+ "shutting it down (SHUTDOWN, append-only file synced) before starting this one",
					leftover.pid(), leftover.port(), this.dataDir);
			shutDown(leftover.port(), leftover.pid());
			if (isAlive(leftover.pid())) {
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
			return this.dataDir.resolve(CONFIG_FILE).toString().equals(infoField(info, "config_file"));
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
		if (handle.isPresent() && !awaitExit(handle.get(), SHUTDOWN_TIMEOUT)) {
			log.warn("Embedded Redis (pid {}) did not exit after SHUTDOWN; sending SIGTERM", pid);
			handle.get().destroy();
			awaitExit(handle.get(), SHUTDOWN_TIMEOUT);
		}
		log.info("Embedded Redis (pid {}, port {}) shut down, append-only file synced, in {} ms", pid, serverPort,
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
	}

	private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
		try {
			handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		} catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !handle.isAlive();
		} catch (Exception ex) {
			return !handle.isAlive();
		}
	}

	/**
	 * Closes the wrapper's standard input (its signal to end Redis) and reaps it.
	 */
	private static void close(Process wrapper) {
		try {
			wrapper.getOutputStream().close();
		} catch (IOException ex) {
			// Already closed.
		}
		try {
			if (!wrapper.waitFor(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				wrapper.destroy();
			}
		} catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean isAlive(long pid) {
		return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
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

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		} catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the embedded Redis", ex);
		}
	}

	private void prepareDataDir() {
		String action = "Point NEWSSTAND_REDIS_DATADIR at a directory this user can write, or set NEWSSTAND_REDIS_URL "
				+ "to use an external Redis.";
		try {
			Files.createDirectories(this.dataDir);
		} catch (IOException | UncheckedIOException ex) {
			throw new InvalidSettingException(DATA_DIR_PROPERTY,
					"cannot create the data directory " + this.dataDir + " (" + ex + ")", action, ex);
		}
		if (!Files.isDirectory(this.dataDir) || !Files.isWritable(this.dataDir)) {
			throw new InvalidSettingException(DATA_DIR_PROPERTY,
					"the data directory " + this.dataDir + " is not a writable directory", action);
		}
		lockDataDir(action);
	}

	/**
	 * Two running apps on one data directory would start two servers on one
	 * append-only file. The lock dies with the JVM; a server that outlived its app
	 * is found through the pid file instead.
	 */
	private void lockDataDir(String action) {
		Path lockFile = this.dataDir.resolve("newsstand.lock");
		try {
			FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			} catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				channel.close();
				throw new InvalidSettingException(DATA_DIR_PROPERTY,
						"the data directory " + this.dataDir + " is in use by another running Newsstand",
						"Stop the other instance, or give this one its own NEWSSTAND_REDIS_DATADIR.");
			}
			this.lockChannel = channel;
		} catch (IOException ex) {
			throw new InvalidSettingException(DATA_DIR_PROPERTY,
					"cannot write " + lockFile + " (" + ex.getMessage() + ")", action, ex);
		}
	}

	private void releaseLock() {
		FileChannel channel = this.lockChannel;
		this.lockChannel = null;
		if (channel != null) {
			try {
				channel.close();
			} catch (IOException ex) {
				log.debug("Releasing the data directory lock failed", ex);
			}
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
