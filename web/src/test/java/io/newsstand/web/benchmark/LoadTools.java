package io.newsstand.web.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.NewsstandApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the wrk load benchmarks share: starting the app, running wrk, sending
 * one request, an open-loop sender for p50/p99, the load average and the
 * command name of a Redis MONITOR line.
 */
final class LoadTools {

	private static final String WRK = "/usr/bin/wrk";

	/** Requests in flight at most in {@link #atRate}. */
	static final int IN_FLIGHT = 64;

	private LoadTools() {
	}

	/**
	 * A page under load.
	 *
	 * @param name
	 *            as printed
	 * @param url
	 *            the absolute URL
	 * @param header
	 *            one request header as {@code "Name: value"}, or {@code null}
	 */
	record Target(String name, String url, String header) {
	}

	record Latency(double p50, double p99) {
	}

	static void assumeWrk() {
		Assumptions.assumeTrue(Files.isExecutable(Path.of(WRK)), "needs wrk (apt-get install wrk)");
	}

	/**
	 * The zero-config app on a random port, with its Redis data in {@code data}.
	 */
	static ConfigurableApplicationContext start(Path data, boolean polling, String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--newsstand.redis.data-dir=" + data,
				"--newsstand.aggregator.polling-enabled=" + polling, "--logging.level.root=WARN"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(NewsstandApplication.class).run(args.toArray(String[]::new));
	}

	static String base(ConfigurableApplicationContext app) {
		return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
	}

	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		} catch (IOException ex) {
			return "unknown";
		}
	}

	/**
	 * Runs {@code wrk -t2 -c32} against the target and returns its requests/s.
	 *
	 * @param failuresAllowed
	 *            whether non-2xx/3xx answers are printed (as "name: N failed of M
	 *            requests") rather than failing the benchmark
	 */
	static double wrk(Target target, int seconds, boolean failuresAllowed) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(WRK, "-t2", "-c32", "-d" + seconds + "s"));
		if (target.header() != null) {
			command.addAll(List.of("-H", target.header()));
		}
		command.add(target.url());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor(seconds + 30L, TimeUnit.SECONDS);
		Matcher rate = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
		assertThat(rate.find()).as(output).isTrue();
		if (failuresAllowed) {
			Matcher failed = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(output);
			Matcher total = Pattern.compile("(\\d+) requests in").matcher(output);
			if (failed.find() && total.find()) {
				System.out
						.println(target.name() + ": " + failed.group(1) + " failed of " + total.group(1) + " requests");
			}
		} else {
			assertThat(output).as("no failed requests").doesNotContain("Non-2xx");
		}
		return Double.parseDouble(rate.group(1));
	}

	/**
	 * Sends one GET and discards the body.
	 *
	 * @param agent
	 *            the User-Agent, or {@code null} for the client's own
	 * @return the status code
	 */
	static int send(HttpClient http, Target target, String agent) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url()));
		if (agent != null) {
			request.header("User-Agent", agent);
		}
		if (target.header() != null) {
			int colon = target.header().indexOf(':');
			request.header(target.header().substring(0, colon), target.header().substring(colon + 1).strip());
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** {@link #send} that fails unless the answer is 200. */
	static void sendOk(HttpClient http, Target target) throws IOException, InterruptedException {
		int status = send(http, target, null);
		if (status != 200) {
			throw new IllegalStateException(target.name() + " answered " + status);
		}
	}

	/**
	 * Appends the latency section of a report: each target sent at half its
	 * measured maximum rate.
	 */
	static void latencyAtHalfRate(StringBuilder report, List<Target> targets, Map<Target, Double> maxRates,
			Duration run, boolean ok200, int nameWidth) throws Exception {
		report.append("\n-- Latency at 50% of each maximum rate (open loop, ").append(run.toSeconds())
				.append(" s) --\n");
		for (Target target : targets) {
			double rate = maxRates.get(target) / 2;
			Latency latency = atRate(target, rate, run, ok200);
			report.append(
					String.format(Locale.ROOT, "%-" + nameWidth + "s at %6.0f req/s: p50 %6.2f ms, p99 %6.2f ms%n",
							target.name(), rate, latency.p50(), latency.p99()));
		}
	}

	/**
	 * Sends at a fixed rate for {@code run} whatever the answers' speed, and
	 * records each latency from the moment the request was due, so waiting to be
	 * sent counts. At most {@link #IN_FLIGHT} requests are in flight, as many
	 * connections as a busy reverse proxy would keep: without a bound, a rate the
	 * app cannot keep up with opened a connection per waiting request until the
	 * process ran out of file descriptors.
	 *
	 * @param ok200
	 *            whether only 200 answers are recorded (see {@link #sendOk})
	 */
	static Latency atRate(Target target, double rate, Duration run, boolean ok200) throws Exception {
		HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
		List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
		long total = (long) (rate * run.toSeconds());
		long interval = (long) (1_000_000_000L / rate);
		CountDownLatch done = new CountDownLatch((int) total);
		Semaphore inFlight = new Semaphore(IN_FLIGHT);
		long start = System.nanoTime();
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (long i = 0; i < total; i++) {
				long due = start + i * interval;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				executor.submit(() -> {
					inFlight.acquire();
					try {
						if (ok200) {
							sendOk(http, target);
						} else {
							send(http, target, null);
						}
						nanos.add(System.nanoTime() - due);
					} finally {
						inFlight.release();
						done.countDown();
					}
					return null;
				});
			}
			done.await(run.toSeconds() + 30, TimeUnit.SECONDS);
		}
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return new Latency(sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6);
	}

	/** "COMMAND key" of a MONITOR line, or the line if it is not a command. */
	static String command(String monitorLine) {
		Matcher command = Pattern.compile("\\] \"([A-Za-z]+)\"(?: \"([^\"]*)\")?").matcher(monitorLine);
		return command.find()
				? command.group(1) + " " + (command.group(2) != null ? command.group(2) : "")
				: monitorLine;
	}

}
