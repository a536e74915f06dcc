package io.newsstand.web.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.NewsstandApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One app node on a distributed Redis: the whole app on a random port, with a
 * search index of its own, started with the properties a test gives (the
 * Cluster's or Sentinel's {@code spring.data.redis.*}).
 */
record ClusterApp(ConfigurableApplicationContext context) implements AutoCloseable {

	static final String ADMIN_EMAIL = "operator@newsstand.test";

	static final String ADMIN_PASSWORD = "a long operator passphrase";

	private static final HttpClient http = HttpClient.newHttpClient();

	static ClusterApp start(String... properties) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--newsstand.redis.url=",
				"--newsstand.aggregator.tick=500ms", "--newsstand.admin.email=" + ADMIN_EMAIL,
				"--newsstand.admin.password=" + ADMIN_PASSWORD,
				"--newsstand.web.sign-in.max-failures-per-address=10000",
				// These apps wait for the index by searching until a result appears, a
				// loop the search limit (30 a minute per client) would answer with 429.
				"--newsstand.search.rate-limit.requests=100000", "--newsstand.billing.card-fingerprint-check=false"));
		Arrays.stream(properties).map(property -> "--" + property).forEach(args::add);
		// A node of its own index unless the test names one (a node restarted on its
		// index).
		if (Arrays.stream(properties).noneMatch(property -> property.startsWith("newsstand.search.index-dir="))) {
			args.add("--newsstand.search.index-dir=target/cluster-search/" + UUID.randomUUID());
		}
		return new ClusterApp(new SpringApplicationBuilder(NewsstandApplication.class, FeedFetchLog.class)
				.run(args.toArray(String[]::new)));
	}

	int port() {
		return Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port"));
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.context.getEnvironment().getProperty("local.server.port");
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/** A request that must not fail on the server's side (no 5xx). */
	HttpResponse<String> send(String method, String path, String token, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method,
				(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(500);
			return response;
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		} catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The status of a request that may fail (while Redis fails over). */
	int status(String method, String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
				.timeout(Duration.ofSeconds(5)).method(method, HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		} catch (IOException ex) {
			return -1;
		} catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	HttpResponse<String> get(String path, String token) {
		return send("GET", path, token, null);
	}

	String token(String email, String password) {
		String body = send("POST", "/api/v1/auth/token", null,
				"{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").body();
		assertThat(body).contains("\"token\"");
		return body.replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");
	}

	@Override
	public void close() {
		this.context.close();
	}

}
