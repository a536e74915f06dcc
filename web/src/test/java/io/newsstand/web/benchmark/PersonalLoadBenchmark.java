package io.newsstand.web.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsstand.testing.BenchmarkGoal;
import io.newsstand.web.benchmark.LoadTools.Target;
import io.newsstand.web.site.SiteClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * "For you" under load, the WebLoadBenchmark way: the zero-config app with the
 * demo catalog, a reader who follows a publisher and a section and opened a few
 * articles, and in one run wrk against a static file (the baseline),
 * {@code /for-you} with the reader's session cookie and
 * {@code /api/v1/me/for-you} with a bearer token; then the Redis commands per
 * request and p50/p99 at half of each maximum rate. Prints, then asserts each
 * page's goal (half the static file's rate). Run with
 * {@code mvn -Pbenchmarks -pl web -am test
 * -Dtest=PersonalLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class PersonalLoadBenchmark {

	private static final Duration RUN = Duration.ofSeconds(10);

	private static final String PASSWORD = "benchmark reader password";

	@TempDir
	Path data;

	@Test
	void forYou() throws Exception {
		LoadTools.assumeWrk();
		try (ConfigurableApplicationContext app = LoadTools.start(this.data, true)) {
			String base = LoadTools.base(app);
			// The polling run fills the data directory the measured (non-polling) run
			// reads.
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
					.until(() -> articles(base).size() >= 20);
		}
		try (ConfigurableApplicationContext app = LoadTools.start(this.data, false)) {
			String base = LoadTools.base(app);
			HttpClient http = HttpClient.newHttpClient();
			String email = "reader-" + System.nanoTime() + "@example.com";
			SiteClient browser = new SiteClient(base);
			browser.signUp(email, PASSWORD);
			String token = token(http, base, email);
			String publishers = get(http, base + "/api/v1/publishers", null);
			Matcher publisher = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(publishers);
			assertThat(publisher.find()).isTrue();
			Matcher section = Pattern.compile("\"sections\":\\[\"([^\"]+)\"").matcher(publishers);
			assertThat(section.find()).isTrue();
			put(http, base + "/api/v1/me/follows/publisher/" + publisher.group(1), token);
			put(http, base + "/api/v1/me/follows/section/"
					+ URLEncoder.encode(section.group(1), StandardCharsets.UTF_8).replace("+", "%20"), token);
			// The restarted node answers from the same data once its Redis has loaded it.
			List<String> opened = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
					.until(() -> articles(base), ids -> ids.size() >= 5);
			for (String id : opened.subList(0, 5)) {
				get(http, base + "/api/v1/articles/" + id, token);
			}
			String page = browser.get("/for-you").body();
			assertThat(page).contains("Because you follow");
			assertThat(get(http, base + "/api/v1/me/for-you", token)).contains("\"personalised\":true");
			String cookie = "Cookie: SESSION=" + browser.cookie("SESSION").orElseThrow();

			List<Target> targets = List.of(new Target("static file /css/site.css", base + "/css/site.css", null),
					new Target("/for-you (session cookie)", base + "/for-you", cookie),
					new Target("/api/v1/me/for-you (bearer token)", base + "/api/v1/me/for-you",
							"Authorization: Bearer " + token));
			StringBuilder sizes = new StringBuilder();
			for (Target target : targets) {
				HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url()));
				if (target.header() != null) {
					int colon = target.header().indexOf(':');
					request.header(target.header().substring(0, colon), target.header().substring(colon + 1).strip());
				}
				long started = System.nanoTime();
				int bytes = 0;
				for (int i = 0; i < 50; i++) {
					bytes = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
				}
				sizes.append(String.format(Locale.ROOT, "%-40s %7d bytes, %6.2f ms sequential%n", target.name(), bytes,
						(System.nanoTime() - started) / 50 / 1e6));
			}
			StringBuilder report = new StringBuilder("\n== For you benchmark (wrk -t2 -c32 -d" + RUN.toSeconds()
					+ "s, after a 5 s warm-up; load average before: " + LoadTools.loadAverage() + ") ==\n");
			Map<Target, Double> maxRates = new HashMap<>();
			double baseline = 0;
			Map<String, Double> ratios = new LinkedHashMap<>();
			for (Target target : targets) {
				LoadTools.wrk(target, 5, false);
				double rate = LoadTools.wrk(target, (int) RUN.toSeconds(), false);
				maxRates.put(target, rate);
				if (baseline == 0) {
					baseline = rate;
				}
				report.append(String.format(Locale.ROOT, "%-40s %9.0f req/s  %.2fx static%n", target.name(), rate,
						rate / baseline));
				ratios.put(target.name(), rate / baseline);
			}
			report.append(sizes);
			report.append("load average after: ").append(LoadTools.loadAverage()).append('\n');
			report.append("\n-- Redis commands per request (MONITOR, 20 sequential requests each) --\n");
			var factory = app.getBean(LettuceConnectionFactory.class);
			try (RedisMonitor monitor = new RedisMonitor("127.0.0.1", factory.getPort())) {
				for (Target target : targets) {
					LoadTools.sendOk(http, target);
					monitor.clear();
					for (int i = 0; i < 20; i++) {
						LoadTools.sendOk(http, target);
					}
					List<String> commands = monitor.commands();
					report.append(String.format(Locale.ROOT, "%-40s %5.1f commands %s%n", target.name(),
							commands.size() / 20.0, commands.stream().limit(Math.max(1, commands.size() / 20))
									.map(LoadTools::command).toList()));
				}
			}
			LoadTools.latencyAtHalfRate(report, targets, maxRates, RUN, true, 40);
			System.out.println(report);
			// Goal: every page at least half the static file's rate; tolerance 10%, the
			// spread of wrk runs on a shared machine.
			ratios.forEach((measured, ratio) -> BenchmarkGoal.atLeast(measured + " / static file", ratio, 0.5, 0.10));
		}
	}

	private static List<String> articles(String base) throws IOException, InterruptedException {
		String latest = get(HttpClient.newHttpClient(), base + "/api/v1/articles?limit=100", null);
		List<String> ids = new ArrayList<>();
		Matcher id = Pattern.compile("\\{\"id\":\"([^\"]+)\"").matcher(latest);
		while (id.find()) {
			ids.add(id.group(1));
		}
		return ids;
	}

	private static String token(HttpClient http, String base, String email) throws IOException, InterruptedException {
		String body = http.send(
				HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers
								.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"))
						.build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(body);
		assertThat(token.find()).as(body).isTrue();
		return token.group(1);
	}

	private static String get(HttpClient http, String url, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private static void put(HttpClient http, String url, String token) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Authorization", "Bearer " + token).PUT(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

}
