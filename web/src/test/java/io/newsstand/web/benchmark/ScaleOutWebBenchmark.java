package io.newsstand.web.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsstand.NewsstandApplication;
import io.newsstand.testing.RedisTestCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Web throughput of 1 against 2 web nodes on one Redis Cluster (3 masters, 3
 * replicas) behind the same wrk load (2 threads, 32 connections in all): all of
 * it on node A, or half on A and half on B at once. Rounds alternate the two
 * sides; medians of the measured rounds, ratio 2 nodes / 1 node. Both nodes run
 * in this JVM on this machine, so the figure says what a second node costs or
 * gains when they share the CPU, not what a second machine adds. Run with
 * {@code mvn -Pbenchmarks -pl web -am test -Dtest=ScaleOutWebBenchmark}.
 */
@Tag("benchmark")
class ScaleOutWebBenchmark {

	private static final int SECONDS = 10;

	private static final int ROUNDS = 3;

	private static final String WRK = "/usr/bin/wrk";

	@Test
	void oneWebNodeAgainstTwo() throws Exception {
		LoadTools.assumeWrk();
		try (RedisTestCluster cluster = RedisTestCluster.start();
				ConfigurableApplicationContext a = start(cluster, true);
				ConfigurableApplicationContext b = start(cluster, false)) {
			String baseA = LoadTools.base(a);
			String baseB = LoadTools.base(b);
			awaitArticles(baseB);
			StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
					"%n== Web nodes on a 3+3 Redis Cluster (wrk, 32 connections, %d s, median of %d rounds) ==%n",
					SECONDS, ROUNDS));
			for (String path : List.of("/", "/api/v1/articles?limit=20")) {
				wrk(List.of(baseA + path), 5);
				wrk(List.of(baseB + path), 5);
				List<Double> one = new ArrayList<>();
				List<Double> two = new ArrayList<>();
				for (int round = 0; round < ROUNDS; round++) {
					one.add(wrk(List.of(baseA + path), SECONDS));
					two.add(wrk(List.of(baseA + path, baseB + path), SECONDS));
				}
				double rateOne = median(one);
				double rateTwo = median(two);
				report.append(String.format(Locale.ROOT,
						"%-28s 1 node %7.0f req/s, 2 nodes %7.0f req/s: ratio %.2fx (rounds: %s / %s)%n", path, rateOne,
						rateTwo, rateTwo / rateOne, one, two));
			}
			report.append("load average ").append(LoadTools.loadAverage());
			System.out.println(report);
		}
	}

	private static ConfigurableApplicationContext start(RedisTestCluster cluster, boolean polling) {
		return new SpringApplicationBuilder(NewsstandApplication.class).run("--server.port=0", "--newsstand.redis.url=",
				"--spring.data.redis.cluster.nodes=" + cluster.nodesProperty(),
				"--newsstand.aggregator.polling-enabled=" + polling, "--logging.level.root=WARN",
				"--newsstand.search.index-dir=target/scale-bench-search/" + UUID.randomUUID());
	}

	private static void awaitArticles(String base) {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest latest = HttpRequest.newBuilder(URI.create(base + "/api/v1/articles?limit=20")).build();
		await("demo articles on " + base).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
				.until(() -> http.send(latest, HttpResponse.BodyHandlers.ofString()).body().contains("(sample)"));
	}

	/**
	 * Runs one wrk per URL at once, the 32 connections split between them; returns
	 * the summed requests/s.
	 */
	private static double wrk(List<String> urls, int seconds) throws IOException, InterruptedException {
		int threads = 2 / urls.size();
		int connections = 32 / urls.size();
		List<Process> processes = new ArrayList<>();
		for (String url : urls) {
			processes.add(new ProcessBuilder(WRK, "-t" + threads, "-c" + connections, "-d" + seconds + "s", url)
					.redirectErrorStream(true).start());
		}
		double sum = 0;
		for (Process process : processes) {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(seconds + 30L, TimeUnit.SECONDS);
			Matcher rate = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
			assertThat(rate.find()).as(output).isTrue();
			assertThat(output).as("no failed requests").doesNotContain("Non-2xx");
			sum += Double.parseDouble(rate.group(1));
		}
		return sum;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return sorted.get(sorted.size() / 2);
	}

}
