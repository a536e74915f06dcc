package io.newsstand.web.redis;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import redis.embedded.core.ExecutableProvider;

/**
 * The embedded redis-server as an operating-system process: the binary of the
 * embedded-redis jar written out once per JVM, started under a wrapper that
 * ends it with the app, waited for until it answers, and reaped.
 * {@link EmbeddedRedisServer} decides when; this class knows how.
 */
final class EmbeddedRedisProcess {

	static final String HOST = "127.0.0.1";

	static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

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

	private static @Nullable File extracted;

	private EmbeddedRedisProcess() {
	}

	/**
	 * A started server: the wrapper process (whose standard input keeps Redis
	 * alive) and the redis-server's own process id.
	 */
	record Started(Process wrapper, long pid) {
	}

	/**
	 * Starts redis-server with {@code config} in {@code dataDir}, output appended
	 * to {@code log}, and waits until it answers on {@code port}; a start that
	 * fails leaves no process behind.
	 */
	static Started start(Path dataDir, Path config, Path log, int port) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command(binary(), config)).directory(dataDir.toFile())
				.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		for (int attempt = 1;; attempt++) {
			try {
				return startOnce(builder, port);
			} catch (IOException ex) {
				// Exit status 126 is the shell's "cannot execute": the binary busy for a moment
				// (see binary()); anything else is a real failure.
				if (attempt >= 5 || !(textFileBusy(ex) || CANNOT_EXECUTE.equals(ex.getMessage()))) {
					throw ex;
				}
			}
			pause(Duration.ofMillis(50L * attempt));
		}
	}

	private static Started startOnce(ProcessBuilder builder, int port) throws IOException {
		Process started = builder.start();
		try {
			return new Started(started, awaitReady(started, port));
		} catch (IOException | RuntimeException ex) {
			close(started);
			throw ex;
		}
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
	private static long awaitReady(Process started, int port) throws IOException {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!started.isAlive()) {
				throw new IOException((started.exitValue() == 126)
						? CANNOT_EXECUTE
						: "redis-server exited with status " + started.exitValue());
			}
			try (RedisSocket redis = RedisSocket.connect(HOST, port, Duration.ofSeconds(2))) {
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

	static String infoField(@Nullable String info, String field) throws IOException {
		if (info != null) {
			for (String line : info.split("\r?\n")) {
				if (line.startsWith(field + ":")) {
					return line.substring(field.length() + 1).strip();
				}
			}
		}
		throw new IOException("INFO has no " + field);
	}

	static boolean awaitExit(ProcessHandle handle, Duration timeout) {
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
	static void close(Process wrapper) {
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

	static boolean isAlive(long pid) {
		return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration);
		} catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the embedded Redis", ex);
		}
	}

}
