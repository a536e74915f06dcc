package io.newsstand.web.redis;

import fixtures.web.RedisProbeController;
import fixtures.web.SessionProbeController;
import io.newsstand.NewsstandApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole app on a random port, started the way the README's run command
 * starts it.
 */
record TestApp(ConfigurableApplicationContext context) implements AutoCloseable {

	private static final HttpClient http = HttpClient.newHttpClient();

	static TestApp start(String... properties) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--newsstand.redis.watchdog-interval=200ms"));
		Arrays.stream(properties).map(property -> "--" + property).forEach(args::add);
		return new TestApp(new SpringApplicationBuilder(NewsstandApplication.class, RedisProbeController.class,
				SessionProbeController.class).run(args.toArray(String[]::new)));
	}

	static TestApp startEmbedded(Path dataDir) {
		return start("newsstand.redis.data-dir=" + dataDir);
	}

	HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.context.getEnvironment().getProperty("local.server.port");
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
