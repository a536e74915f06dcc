package io.newsstand.web.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions.RefreshTrigger;
import io.newsstand.testing.RedisTestCluster;
import io.newsstand.web.redis.WebKeys;
import io.newsstand.web.site.SiteClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The whole app on a real Redis Cluster of three masters and three replicas,
 * configured only through {@code spring.data.redis.cluster.nodes}: every
 * feature runs (polling the demo feeds, reading, the meter, a trial through the
 * sandbox's checkout and webhook, picks, follows, saved, history, search, top
 * stories, the operator page), no answer is a 5xx, and nothing in the log shows
 * a CROSSSLOT, a MOVED left unhandled or a command the Cluster refuses.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterAppTest {

	private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f]{16,})\"");

	private static RedisTestCluster cluster;

	private static ClusterErrorWatch errors;

	private static ClusterApp app;

	private static String adminToken;

	@BeforeAll
	static void start() {
		cluster = RedisTestCluster.start();
		errors = ClusterErrorWatch.install();
		app = ClusterApp.start("spring.data.redis.cluster.nodes=" + cluster.nodesProperty());
		adminToken = app.token(ClusterApp.ADMIN_EMAIL, ClusterApp.ADMIN_PASSWORD);
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
		errors.uninstall();
		cluster.close();
	}

	@AfterEach
	void nothingTheClusterRefused() {
		assertThat(errors.seen()).isEmpty();
	}

	@Test
	@Order(1)
	void connectsInClusterModeWithTopologyRefresh() {
		LettuceConnectionFactory factory = app.bean(LettuceConnectionFactory.class);
		assertThat(factory.isClusterAware()).isTrue();
		ClusterClientOptions options = (ClusterClientOptions) factory.getClientConfiguration().getClientOptions()
				.orElseThrow();
		assertThat(options.getTopologyRefreshOptions().isPeriodicRefreshEnabled()).isTrue();
		assertThat(options.getTopologyRefreshOptions().getAdaptiveRefreshTriggers()).contains(
				RefreshTrigger.MOVED_REDIRECT, RefreshTrigger.PERSISTENT_RECONNECTS, RefreshTrigger.UNKNOWN_NODE);
		assertThat(app.get("/actuator/health", null).body()).contains("\"status\":\"UP\"");
	}

	@Test
	@Order(2)
	void pollsTheDemoFeedsIntoEveryMaster() {
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(
				() -> assertThat(app.get("/api/v1/articles?limit=50", null).body()).contains("(sample)"));
		assertThat(cluster.keysPerMaster().values()).hasSize(3).allMatch(count -> count > 0);
	}

	@Test
	@Order(3)
	void aReaderReadsOnTheMeterThenStartsATrialThroughCheckoutAndWebhook() {
		String email = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		String password = "a long reader passphrase";
		SiteClient reader = new SiteClient(app.baseUrl());
		assertThat(reader.signUp(email, password).statusCode()).isEqualTo(302);
		assertThat(reader.get("/account").statusCode()).isEqualTo(200);
		// Signing up changes the session id: on a Cluster the rename crosses slots and
		// Spring Data Redis copies the key (DUMP, RESTORE, DEL), which drops its TTL;
		// the session must still expire.
		String session = new String(Base64.getDecoder().decode(reader.cookie("SESSION").orElseThrow()),
				StandardCharsets.UTF_8);
		assertThat(app.bean(StringRedisTemplate.class).getExpire("newsstand:session:sessions:" + session)).isPositive();
		String token = app.token(email, password);
		String metered = articleIds().stream().map(id -> app.get("/api/v1/articles/" + id, token).body())
				.filter(body -> body.contains("\"free\":false") && body.contains("\"freeArticlesLeft\":")).findFirst()
				.orElseThrow();
		assertThat(metered).contains("\"access\":\"full\"").contains("\"freeArticlesLeft\":2");

		HttpResponse<String> welcome = reader.startTrial("monthly", "4242424242424242");
		assertThat(welcome.statusCode()).isLessThan(400);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(
				() -> assertThat(app.get("/api/v1/me/membership", token).body()).contains("\"state\":\"trialing\""));
		String id = articleIds().get(0);
		assertThat(app.get("/api/v1/articles/" + id, token).body()).contains("\"access\":\"full\"");
		assertThat(app.get("/api/v1/me/history", token).body()).contains(id);
	}

	@Test
	@Order(4)
	void followsSavedHistoryAndForYouKeepEachReadersData() {
		String token = newReaderToken();
		List<String> ids = articleIds();
		String publisher = app.get("/api/v1/articles/" + ids.get(0), null).body()
				.replaceAll("(?s).*\"publisher\":\\{\"id\":\"([^\"]+)\".*", "$1");
		assertThat(app.send("PUT", "/api/v1/me/follows/publisher/" + publisher, token, null).statusCode())
				.isEqualTo(200);
		assertThat(app.send("PUT", "/api/v1/me/follows/topic/Climate%20Change", token, null).statusCode())
				.isEqualTo(200);
		assertThat(app.send("PUT", "/api/v1/me/saved/" + ids.get(1), token, null).statusCode()).isEqualTo(200);
		app.get("/api/v1/articles/" + ids.get(2), token);
		assertThat(app.get("/api/v1/me/follows", token).body()).contains(publisher).contains("climate change");
		assertThat(app.get("/api/v1/me/saved", token).body()).contains(ids.get(1));
		assertThat(app.get("/api/v1/me/history", token).body()).contains(ids.get(2));
		assertThat(app.get("/api/v1/me/for-you", token).body()).contains("\"items\"");
		assertThat(app.send("DELETE", "/api/v1/me/saved", token, null).statusCode()).isEqualTo(204);
		assertThat(app.send("DELETE", "/api/v1/me/history", token, null).statusCode()).isEqualTo(204);
		assertThat(app.get("/api/v1/me/saved", token).body()).doesNotContain(ids.get(1));
	}

	@Test
	@Order(5)
	void anEditorsPickAndTopStoriesShowOnTheFrontPage() {
		String id = articleIds().get(3);
		String later = Instant.now().plus(Duration.ofDays(1)).toString();
		assertThat(app
				.send("PUT", "/api/v1/editor/picks/" + id, adminToken, "{\"order\":1,\"expiresAt\":\"" + later + "\"}")
				.statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(app.get("/api/v1/home?edition=INT", null).body()).contains(id));
		assertThat(app.get("/api/v1/home?edition=UK", null).body()).as("top stories").contains("\"top\":[{");
		assertThat(app.get("/", null).statusCode()).isEqualTo(200);
		assertThat(app.send("DELETE", "/api/v1/editor/picks/" + id, adminToken, null).statusCode()).isEqualTo(204);

		// Reads are counted off the request in pipelines whose keys live in many
		// slots: they reach the hour's bucket on the cluster.
		String read = articleIds().get(4);
		assertThat(app.get("/articles/" + read, null).statusCode()).isEqualTo(200);
		assertThat(app.get("/api/v1/articles/" + read, newReaderToken()).statusCode()).isEqualTo(200);
		String bucket = WebKeys.readsInHour(Instant.now().getEpochSecond() / 3600);
		await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(app.bean(StringRedisTemplate.class).opsForZSet().score(bucket, read))
						.as("distinct readers of " + read).isEqualTo(2.0));
	}

	@Test
	@Order(6)
	void searchFindsAPolledArticle() {
		String id = articleIds().get(0);
		String title = app.get("/api/v1/articles/" + id, null).body().replaceAll("(?s).*?\"title\":\"([^\"]+)\".*",
				"$1");
		String word = List.of(title.split("\\W+")).stream().filter(w -> w.length() > 5).findFirst().orElseThrow();
		await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(app.get("/api/v1/search?q=" + word, null).body()).contains(id));
		assertThat(app.get("/search?q=" + word, null).statusCode()).isEqualTo(200);
		assertThat(app.get("/api/v1/articles/" + id + "/related", null).statusCode()).isEqualTo(200);
	}

	@Test
	@Order(7)
	void theOperatorPageShowsEveryFeedHealthy() {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(
				() -> assertThat(app.get("/api/v1/operator/feeds", adminToken).body()).contains("\"state\":\"ok\""));
		SiteClient operator = new SiteClient(app.baseUrl());
		operator.signIn(ClusterApp.ADMIN_EMAIL, ClusterApp.ADMIN_PASSWORD);
		assertThat(operator.get("/operator/feeds").body()).contains("harbour-gazette");
		assertThat(app.get("/api/v1/operator/catalog.opml", adminToken).body()).contains("<opml");
	}

	private static List<String> articleIds() {
		Matcher matcher = ID.matcher(app.get("/api/v1/articles?limit=50", null).body());
		List<String> ids = new ArrayList<>();
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		assertThat(ids).hasSizeGreaterThan(5);
		return ids;
	}

	private static String newReaderToken() {
		String email = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		String password = "a long reader passphrase";
		assertThat(new SiteClient(app.baseUrl()).signUp(email, password).statusCode()).isEqualTo(302);
		return app.token(email, password);
	}

}
