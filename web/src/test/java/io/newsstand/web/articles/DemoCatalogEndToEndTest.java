package io.newsstand.web.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsstand.NewsstandApplication;
import io.newsstand.aggregator.internal.demo.DemoFeedKey;
import io.newsstand.testing.RedisTestServer;
import io.newsstand.web.images.ImageLinks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The zero-config story: the app starts with the demo catalog, serves its feeds
 * to its own poller only (a key made at start), polls them through the real
 * fetcher and parser into Redis, and the API lists the articles.
 */
class DemoCatalogEndToEndTest {

	private static final String ADMIN_EMAIL = "operator@newsstand.test";

	private static final String ADMIN_PASSWORD = "a long operator passphrase";

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void demoArticlesAppearInTheApiSoonAfterStart() throws Exception {
		String redis = RedisTestServer.get().leaseDatabase().url();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(NewsstandApplication.class).run(
				"--server.port=0", "--newsstand.redis.url=" + redis, "--newsstand.aggregator.tick=500ms",
				"--newsstand.admin.email=" + ADMIN_EMAIL, "--newsstand.admin.password=" + ADMIN_PASSWORD)) {
			String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
			String body = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(
					() -> get(base + "/api/v1/articles?region=UK&limit=5").body(),
					page -> page.contains("\"publisherId\":\"thames-courier\"") || page.contains("pennine-post"));
			assertThat(body).contains("\"nextCursor\"").contains("(sample)");
			String id = body.replaceAll("(?s).*?\"id\":\"([0-9a-f]+)\".*", "$1");
			HttpResponse<String> article = get(base + "/api/v1/articles/" + id);
			assertThat(article.statusCode()).isEqualTo(200);
			// Anonymous: the paywall's answer, with the opening of the sanitised body.
			assertThat(article.body()).contains("\"body\":\"<p>").contains("\"language\":\"en")
					.doesNotContain("utm_source");
			assertThat(get(base + "/api/v1/publishers").body()).contains("harbour-gazette", "prairie-science-review");
			// Issue 12: the demo feeds carry the demo publishers' whole (paid) bodies, so
			// on the public port they do not exist; the poller (above) reads them with this
			// start's key.
			String key = app.getBean(DemoFeedKey.class).value();
			assertThat(get(base + "/demo/feeds/harbour-gazette/world.xml").statusCode()).isEqualTo(404);
			assertThat(get(base + "/demo/feeds/guessed-key/harbour-gazette/world.xml").statusCode()).isEqualTo(404);
			assertThat(get(base + "/demo/feeds/" + key.substring(1) + "/harbour-gazette/world.xml").statusCode())
					.isEqualTo(404);
			assertThat(get(base + "/demo/images/x.svg").statusCode()).isEqualTo(404);
			assertThat(get(base + "/demo/logos/harbour-gazette.svg").statusCode()).isEqualTo(200);
			// Issue 17: the demo's pictures are JPEGs the app serves, and readers get them
			// through the image proxy like any publisher's.
			String picture = article.body().replaceAll("(?s).*?\"url\":\"(http[^\"]+/demo/images/[^\"]+\\.jpg)\".*",
					"$1");
			assertThat(picture).startsWith("http://127.0.0.1:");
			HttpResponse<String> proxied = get(base + app.getBean(ImageLinks.class).src(picture, 640));
			assertThat(proxied.statusCode()).isEqualTo(200);
			assertThat(proxied.headers().firstValue("Content-Type")).hasValue("image/jpeg");
			HttpResponse<String> feed = get(base + "/demo/feeds/" + key + "/harbour-gazette/world.xml");
			assertThat(feed.statusCode()).isEqualTo(200);
			String etag = feed.headers().firstValue("ETag").orElseThrow();
			HttpResponse<String> again = this.http
					.send(HttpRequest.newBuilder(URI.create(base + "/demo/feeds/" + key + "/harbour-gazette/world.xml"))
							.header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(again.statusCode()).isEqualTo(304);
			// Feed health is for operators: anonymous callers are refused, the admin sees
			// every feed ok.
			assertThat(get(base + "/api/v1/operator/feeds").statusCode()).isEqualTo(401);
			assertThat(get(base + "/operator/feeds").statusCode()).isEqualTo(302);
			String token = this.http
					.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(
									"{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
							.build(), HttpResponse.BodyHandlers.ofString())
					.body().replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");
			String health = this.http
					.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/operator/feeds"))
							.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString())
					.body();
			assertThat(health).contains("\"state\":\"ok\"").doesNotContain(key);
			String opml = this.http
					.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/operator/catalog.opml"))
							.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString())
					.body();
			assertThat(opml).contains("<opml version=\"2.0\">").contains("/demo/feeds/harbour-gazette/world.xml")
					.doesNotContain(key);
		}
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
