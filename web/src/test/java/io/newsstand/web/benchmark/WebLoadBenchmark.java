package io.newsstand.web.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.NewsstandApplication;
import io.newsstand.web.site.SiteClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 5's web numbers: wrk against the running app (the zero-config app with
 * the demo catalog), in one run: a static file (the baseline), an anonymous
 * article page, a member's article page and the account page. Then the Redis
 * commands one request of each costs (Redis MONITOR, with polling off), and p50
 * and p99 latency at half of each page's measured maximum rate. Prints ratios;
 * asserts nothing about speed. Run with
 * {@code mvn -Pbenchmarks -pl web -am test -Dtest=WebLoadBenchmark}.
 */
@Tag("benchmark")
class WebLoadBenchmark {

	private static final Duration RUN = Duration.ofSeconds(10);

	@TempDir
	Path data;

	@Test
	void webPages() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/wrk")), "needs wrk (apt-get install wrk)");
		// First run: let the demo feeds fill the store.
		try (ConfigurableApplicationContext app = start(true)) {
			String base = base(app);
			Instant deadline = Instant.now().plusSeconds(60);
			while (paywalledArticle(base) == null && Instant.now().isBefore(deadline)) {
				Thread.sleep(500);
			}
		}
		// Second run on the same data, polling off, so Redis sees only what requests
		// do.
		try (ConfigurableApplicationContext app = start(false)) {
			String base = base(app);
			String article = paywalledArticle(base);
			assertThat(article).as("a paywalled demo article").isNotNull();
			SiteClient member = new SiteClient(base);
			member.signUp("member-" + System.nanoTime() + "@example.com", "benchmark member password");
			member.startTrial("monthly", "4242424242424242");
			assertThat(member.get(article).body()).doesNotContain("Sign up to read this article");
			String cookie = "SESSION=" + member.cookie("SESSION").orElseThrow();

			List<Target> targets = List.of(new Target("static file /css/site.css", base + "/css/site.css", null),
					new Target("anonymous article " + article, base + article, null),
					new Target("member article", base + article, cookie),
					new Target("account page", base + "/account", cookie));
			StringBuilder report = new StringBuilder(
					"\n== Web benchmark (wrk -t2 -c32 -d" + RUN.toSeconds() + "s, after a 5 s warm-up) ==\n");
			double baseline = 0;
			double anonymous = 0;
			for (Target target : targets) {
				wrk(target, 5);
				Wrk result = wrk(target, (int) RUN.toSeconds());
				target.maxRate = result.requestsPerSecond;
				if (baseline == 0) {
					baseline = result.requestsPerSecond;
				}
				if (target.name.startsWith("anonymous")) {
					anonymous = result.requestsPerSecond;
				}
				report.append(String.format(Locale.ROOT, "%-45s %9.0f req/s  %.2fx static", target.name,
						result.requestsPerSecond, result.requestsPerSecond / baseline));
				if (target.name.startsWith("member")) {
					report.append(
							String.format(Locale.ROOT, "  %.2fx anonymous", result.requestsPerSecond / anonymous));
				}
				report.append('\n');
			}
			report.append("\n-- Redis commands per request (MONITOR, 20 sequential requests each) --\n");
			int redisPort = Integer.parseInt(app.getEnvironment().getProperty("spring.data.redis.port", "0"));
			try (RedisMonitor monitor = new RedisMonitor("127.0.0.1", redisPort(app, redisPort))) {
				HttpClient http = HttpClient.newHttpClient();
				for (Target target : targets) {
					send(http, target);
					monitor.clear();
					for (int i = 0; i < 20; i++) {
						send(http, target);
					}
					List<String> commands = monitor.commands();
					long session = commands.stream().filter(line -> line.contains("newsstand:session")).count();
					report.append(String.format(Locale.ROOT, "%-45s %5.1f commands, %4.1f on sessions%n", target.name,
							commands.size() / 20.0, session / 20.0));
					if (target.name.startsWith("member")) {
						report.append("   member article commands: ").append(
								commands.stream().limit(commands.size() / 20).map(WebLoadBenchmark::command).toList())
								.append('\n');
					}
				}
			}
			report.append("\n-- Latency at 50% of each maximum rate (open loop, ").append(RUN.toSeconds())
					.append(" s) --\n");
			for (Target target : targets) {
				Latency latency = atRate(target, target.maxRate / 2);
				report.append(String.format(Locale.ROOT, "%-45s at %6.0f req/s: p50 %6.2f ms, p99 %6.2f ms%n",
						target.name, target.maxRate / 2, latency.p50, latency.p99));
			}
			System.out.println(report);
		}
	}

	private static String command(String monitorLine) {
		Matcher command = Pattern.compile("\\] \"([A-Za-z]+)\"(?: \"([^\"]*)\")?").matcher(monitorLine);
		return command.find()
				? command.group(1) + " " + (command.group(2) != null ? command.group(2) : "")
				: monitorLine;
	}

	private static int redisPort(ConfigurableApplicationContext app, int configured) {
		if (configured > 0) {
			return configured;
		}
		var factory = app.getBean(org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory.class);
		return factory.getPort();
	}

	private ConfigurableApplicationContext start(boolean polling) {
		return new SpringApplicationBuilder(NewsstandApplication.class).run("--server.port=0",
				"--newsstand.redis.data-dir=" + this.data, "--newsstand.aggregator.polling-enabled=" + polling,
				"--logging.level.root=WARN");
	}

	private static String base(ConfigurableApplicationContext app) {
		return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
	}

	private static String paywalledArticle(String base) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		String front = http
				.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString())
				.body();
		Matcher links = Pattern.compile("href=\"(/articles/[^\"]+)\"").matcher(front);
		while (links.find()) {
			String api = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1" + links.group(1))).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			if (api.contains("\"reason\":\"anonymous\"")) {
				return links.group(1);
			}
		}
		return null;
	}

	private static final class Target {

		final String name;

		final String url;

		final String cookie;

		double maxRate;

		Target(String name, String url, String cookie) {
			this.name = name;
			this.url = url;
			this.cookie = cookie;
		}

	}

	private record Wrk(double requestsPerSecond) {
	}

	private static Wrk wrk(Target target, int seconds) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("/usr/bin/wrk", "-t2", "-c32", "-d" + seconds + "s"));
		if (target.cookie != null) {
			command.addAll(List.of("-H", "Cookie: " + target.cookie));
		}
		command.add(target.url);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor(seconds + 30L, TimeUnit.SECONDS);
		Matcher rate = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
		assertThat(rate.find()).as(output).isTrue();
		assertThat(output).as("no failed requests").doesNotContain("Non-2xx");
		return new Wrk(Double.parseDouble(rate.group(1)));
	}

	private static void send(HttpClient http, Target target) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url));
		if (target.cookie != null) {
			request.header("Cookie", target.cookie);
		}
		http.send(request.build(), HttpResponse.BodyHandlers.discarding());
	}

	private record Latency(double p50, double p99) {
	}

	/**
	 * Sends at a fixed rate whatever the answers' speed, and records each latency.
	 */
	private static Latency atRate(Target target, double rate) throws Exception {
		HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
		List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
		long total = (long) (rate * RUN.toSeconds());
		long interval = (long) (1_000_000_000L / rate);
		CountDownLatch done = new CountDownLatch((int) total);
		long start = System.nanoTime();
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (long i = 0; i < total; i++) {
				long due = start + i * interval;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				executor.submit(() -> {
					try {
						send(http, target);
						nanos.add(System.nanoTime() - due);
					} finally {
						done.countDown();
					}
					return null;
				});
			}
			done.await(RUN.toSeconds() + 30, TimeUnit.SECONDS);
		}
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return new Latency(sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6);
	}

}
