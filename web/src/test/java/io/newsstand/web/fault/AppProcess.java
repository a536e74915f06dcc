package io.newsstand.web.fault;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The app as a process of its own (the JVM running the tests, with the test
 * class path), so that a test can do to it what an operator or the kernel does:
 * SIGTERM, kill -9, start it again on the same data directory. Its output goes
 * to a log file the test reads. Scenarios about other parts of the app (a
 * second node on the same Redis, memberships after a crash) start more of these
 * with their own properties.
 */
final class AppProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();

	private final Process process;

	private final int port;

	private final Path dataDir;

	private final Path log;

	private AppProcess(Process process, int port, Path dataDir, Path log) {
		this.process = process;
		this.port = port;
		this.dataDir = dataDir;
		this.log = log;
	}

	/**
	 * Starts the zero-config app with its data under {@code dataDir} and waits
	 * until it answers; {@code properties} are passed as {@code --name=value}.
	 */
	static AppProcess start(Path dataDir, String logName, String... properties) {
		return start(dataDir, logName, 0, properties);
	}

	/**
	 * {@link #start(Path, String, String...)} with at most {@code openFiles} file
	 * descriptors (the shell's {@code ulimit -n}; 0 leaves the limit as it is), so
	 * a test can run the app out of them.
	 */
	static AppProcess start(Path dataDir, String logName, int openFiles, String... properties) {
		int port = freePort();
		Path log = dataDir.resolve(logName);
		List<String> args = new ArrayList<>();
		// Fast start-up over peak speed: these processes live for seconds.
		args.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx384m", "-cp",
				System.getProperty("java.class.path"), "io.newsstand.NewsstandApplication", "--server.port=" + port,
				"--newsstand.redis.data-dir=" + dataDir.resolve("redis"),
				"--newsstand.search.index-dir=" + dataDir.resolve("search"), "--newsstand.search.enabled=false",
				// A build machine shared by several builds can take longer than the 2 s
				// defaults to set up a connection; these scenarios are not about timeouts.
				"--spring.data.redis.timeout=10s", "--spring.data.redis.connect-timeout=10s"));
		for (String property : properties) {
			args.add("--" + property);
		}
		// The sandbox's generated key belongs with the rest of this app's data, not in
		// the build tree.
		if (Arrays.stream(properties)
				.noneMatch(property -> property.startsWith("newsstand.billing.sandbox.data-dir="))) {
			args.add("--newsstand.billing.sandbox.data-dir=" + dataDir.resolve("stripe-sandbox"));
		}
		try {
			Files.createDirectories(dataDir);
			// The class path is long: an argument file keeps it off the command line.
			Path argFile = Files.createTempFile(dataDir, "java", ".args");
			Files.write(argFile, args.stream().map(AppProcess::quoted).toList(), StandardCharsets.UTF_8);
			String java = ProcessHandle.current().info().command().orElse("java");
			List<String> command = (openFiles > 0)
					? List.of("sh", "-c", "ulimit -n " + openFiles + " && exec \"$0\" \"$@\"", java, "@" + argFile)
					: List.of(java, "@" + argFile);
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
			AppProcess app = new AppProcess(process, port, dataDir, log);
			try {
				app.awaitUp();
			} catch (RuntimeException ex) {
				process.destroyForcibly();
				throw new IllegalStateException("The app did not come up; its log ends:\n" + app.logTail(), ex);
			}
			return app;
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitUp() {
		// Generous: a build machine shared by several builds starts a JVM slowly.
		await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The app exited while starting");
			}
			try {
				return get("/actuator/health").statusCode() == 200;
			} catch (IOException notYet) {
				return false;
			}
		});
	}

	long pid() {
		return this.process.pid();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	int port() {
		return this.port;
	}

	HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(), headers);
	}

	HttpResponse<String> post(String path, String body, String... headers) throws IOException, InterruptedException {
		return send(
				HttpRequest.newBuilder(URI.create(baseUrl() + path)).POST(HttpRequest.BodyPublishers.ofString(body)),
				headers);
	}

	HttpResponse<String> send(HttpRequest.Builder request, String... headers) throws IOException, InterruptedException {
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Everything the app has logged so far (all of its starts on this log). */
	String log() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What the app has logged from byte {@code offset} of its log on. */
	String logSince(long offset) {
		try {
			byte[] all = Files.readAllBytes(this.log);
			int from = (int) Math.min(offset, all.length);
			return new String(all, from, all.length - from, StandardCharsets.UTF_8);
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String logTail() {
		String all = log();
		return all.substring(Math.max(0, all.length() - 6000));
	}

	long logSize() {
		try {
			return Files.size(this.log);
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The embedded redis-server's pid, from the pid file the app keeps. */
	OptionalLong redisPid() {
		return redisPid(this.dataDir);
	}

	static OptionalLong redisPid(Path dataDir) {
		Path file = dataDir.resolve("redis").resolve("redis.pid");
		try {
			return Files.exists(file)
					? OptionalLong.of(Long.parseLong(Files.readString(file).strip().split("\\s+")[0]))
					: OptionalLong.empty();
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** kill -9: no shutdown hook, no graceful anything. */
	void kill() {
		this.process.destroyForcibly();
		awaitExit();
	}

	/** SIGTERM, as a service manager stops the app; returns its exit status. */
	int terminate() {
		this.process.destroy();
		return awaitExit();
	}

	private int awaitExit() {
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("The app did not exit within 60 s");
			}
			return this.process.exitValue();
		} catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The app's child processes and theirs. */
	List<ProcessHandle> descendants() {
		return this.process.descendants().toList();
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			terminate();
		}
	}

	/**
	 * Processes of this user holding {@code file} open (Linux's /proc; empty
	 * elsewhere).
	 */
	static List<Long> processesWithOpen(Path file) {
		List<Long> holders = new ArrayList<>();
		Path target = file.toAbsolutePath().normalize();
		try (var procs = Files.list(Path.of("/proc"))) {
			for (Path proc : procs.toList()) {
				String name = proc.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)) {
					continue;
				}
				try (var fds = Files.list(proc.resolve("fd"))) {
					if (fds.anyMatch(fd -> {
						try {
							return Files.readSymbolicLink(fd).equals(target);
						} catch (IOException | UnsupportedOperationException ex) {
							return false;
						}
					})) {
						holders.add(Long.parseLong(name));
					}
				} catch (IOException | SecurityException | UncheckedIOException notOurs) {
					// Another user's process, or one that just ended.
				}
			}
		} catch (IOException ex) {
			return List.of();
		}
		return holders;
	}

	private static String quoted(String arg) {
		return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
