package io.newsstand.web.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.newsstand.NewsstandApplication;
import io.newsstand.testing.RedisTestServer;
import io.newsstand.web.site.SiteClient;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole story through the real app and poller: two publisher feeds answer
 * 410 Gone and are disabled; the operator enables one through the API and one
 * with the button of the feed health page, and each is polled again at once.
 */
class FeedEnableEndToEndTest {

	private static final String ADMIN_EMAIL = "operator@newsstand.test";

	private static final String ADMIN_PASSWORD = "a long operator passphrase";

	private static final String RSS = """
			<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Back</title>
			<link>https://back.example/</link><description>d</description><item><title>Back again</title>
			<link>https://back.example/a</link><guid>back-1</guid></item></channel></rss>""";

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aFeedDisabledByGoneIsEnabledAgainFromTheApiAndFromThePage(@TempDir Path directory) throws Exception {
		AtomicBoolean gone = new AtomicBoolean(true);
		HttpServer publisher = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		publisher.createContext("/", exchange -> {
			byte[] body = gone.get() ? new byte[0] : RSS.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
			exchange.sendResponseHeaders(gone.get() ? 410 : 200, body.length == 0 ? -1 : body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		publisher.start();
		String host = "127.0.0.1:" + publisher.getAddress().getPort();
		Path catalog = directory.resolve("catalog.yml");
		Files.writeString(catalog, """
				publishers:
				  - id: gone-gazette
				    name: Gone Gazette
				    homepage: https://gone.example/
				    region: UK
				    language: en-GB
				    feeds:
				      - url: http://%s/api.xml
				        section: World
				      - url: http://%s/page.xml
				        section: Sport
				""".formatted(host, host));
		String redis = RedisTestServer.get().leaseDatabase().url();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(NewsstandApplication.class).run(
				"--server.port=0", "--newsstand.redis.url=" + redis, "--newsstand.aggregator.tick=300ms",
				"--newsstand.catalog=" + catalog, "--newsstand.aggregator.allowed-private-hosts=" + host,
				"--newsstand.admin.email=" + ADMIN_EMAIL, "--newsstand.admin.password=" + ADMIN_PASSWORD)) {
			SiteClient site = new SiteClient(
					"http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port"));
			String token = this.json
					.readTree(site
							.postJson("/api/v1/auth/token",
									"{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}")
							.body())
					.get("token").asString();
			String bearer = "Bearer " + token;
			JsonNode apiFeed = awaitFeed(site, bearer, "/api.xml",
					feed -> feed.get("state").asString().equals("disabled"));
			JsonNode pageFeed = awaitFeed(site, bearer, "/page.xml",
					feed -> feed.get("state").asString().equals("disabled"));
			assertThat(apiFeed.get("lastStatus").asInt()).isEqualTo(410);
			assertThat(apiFeed.get("nextPoll").isNull()).isTrue();
			String apiId = apiFeed.get("feedId").asString();
			String pageId = pageFeed.get("feedId").asString();
			gone.set(false);

			// The API: admin only; 200 with the feed due now; then 409; unknown ids 404.
			assertThat(site.postJson("/api/v1/operator/feeds/" + apiId + "/enable", "").statusCode()).isEqualTo(401);
			HttpResponse<String> enabled = site.postJson("/api/v1/operator/feeds/" + apiId + "/enable", "",
					"Authorization", bearer);
			assertThat(enabled.statusCode()).isEqualTo(200);
			assertThat(this.json.readTree(enabled.body()).get("state").asString()).isNotEqualTo("disabled");
			awaitFeed(site, bearer, "/api.xml", feed -> feed.get("state").asString().equals("ok"));
			HttpResponse<String> again = site.postJson("/api/v1/operator/feeds/" + apiId + "/enable", "",
					"Authorization", bearer);
			assertThat(again.statusCode()).isEqualTo(409);
			assertThat(again.headers().firstValue("Content-Type"))
					.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(site.postJson("/api/v1/operator/feeds/no-such-feed/enable", "", "Authorization", bearer)
					.statusCode()).isEqualTo(404);

			// The page: a button (a form with the CSRF token) on the disabled feed only.
			site.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
			String page = site.get("/operator/feeds").body();
			assertThat(page).contains("action=\"/operator/feeds/" + pageId + "/enable\"")
					.doesNotContain("action=\"/operator/feeds/" + apiId + "/enable\"").contains("name=\"_csrf\"");
			String csrf = site.csrf();
			assertThat(site.post("/operator/feeds/" + pageId + "/enable", Map.of()).statusCode()).as("no CSRF token")
					.isEqualTo(403);
			HttpResponse<String> button = site.post("/operator/feeds/" + pageId + "/enable", Map.of("_csrf", csrf));
			assertThat(button.statusCode()).isEqualTo(303);
			assertThat(button.headers().firstValue("Location")).hasValue("/operator/feeds?enabled=" + pageId);
			assertThat(site.get("/operator/feeds?enabled=" + pageId).body()).contains("is enabled again");
			awaitFeed(site, bearer, "/page.xml", feed -> feed.get("state").asString().equals("ok"));
		} finally {
			publisher.stop(0);
		}
	}

	private JsonNode awaitFeed(SiteClient site, String bearer, String path, Predicate<JsonNode> condition) {
		AtomicReference<@Nullable JsonNode> last = new AtomicReference<>();
		return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
				.alias("feed " + path + " in the expected state (last seen in the test's output)").until(() -> {
					JsonNode feeds = this.json
							.readTree(site.get("/api/v1/operator/feeds", "Authorization", bearer).body()).get("items");
					for (JsonNode feed : feeds) {
						if (feed.get("url").asString().endsWith(path)) {
							if (!feed.equals(last.getAndSet(feed))) {
								System.out.println("Feed " + path + ": " + feed);
							}
							return feed;
						}
					}
					return null;
				}, feed -> feed != null && condition.test(feed));
	}

}
