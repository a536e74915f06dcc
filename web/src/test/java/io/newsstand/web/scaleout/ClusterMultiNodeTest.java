package io.newsstand.web.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsstand.testing.RedisTestCluster;
import io.newsstand.web.site.SiteClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

/**
 * Two app nodes on one Redis Cluster, each polling and serving: they split the
 * polling without fetching a feed twice, and what a reader does on one node (an
 * account, a session, a membership, a pick) holds on the other. The jobs that
 * run on one node run on the holder of their lease, and move to the other node
 * when the holder stops (last, as it stops a node).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterMultiNodeTest {

	private static final Logger log = LoggerFactory.getLogger(ClusterMultiNodeTest.class);

	private static final String DUE = "newsstand:{poll}:due";

	private static RedisTestCluster cluster;

	private static ClusterErrorWatch errors;

	private static ClusterApp a;

	private static ClusterApp b;

	@BeforeAll
	static void start() {
		cluster = RedisTestCluster.start();
		errors = ClusterErrorWatch.install();
		// Small claims, so both nodes take part in each cycle.
		// A reconcile every 2 s, so the test sees which node runs it.
		String[] settings = {"spring.data.redis.cluster.nodes=" + cluster.nodesProperty(),
				"newsstand.aggregator.batch-size=2", "newsstand.aggregator.max-in-flight=2",
				"newsstand.billing.reconcile-interval=2s", "newsstand.billing.reconcile-initial-delay=1s"};
		a = ClusterApp.start(settings);
		b = ClusterApp.start(settings);
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(b.get("/api/v1/articles?limit=5", null).body()).contains("(sample)"));
	}

	@AfterAll
	static void stop() {
		for (ClusterApp app : new ClusterApp[]{a, b}) {
			if (app != null) {
				app.close();
			}
		}
		errors.uninstall();
		cluster.close();
	}

	@AfterEach
	void nothingTheClusterRefused() {
		assertThat(errors.seen()).isEmpty();
	}

	/**
	 * Every feed is made due at once, three times; each time every feed is fetched
	 * by exactly one of the two nodes, and across the cycles both nodes poll.
	 */
	@Test
	void everyFeedIsPolledByExactlyOneNodePerCycle() {
		StringRedisTemplate redis = a.bean(StringRedisTemplate.class);
		await().atMost(Duration.ofSeconds(60)).until(() -> allScheduledLater(redis));
		Set<String> feeds = redis.opsForZSet().range(DUE, 0, -1);
		assertThat(feeds).hasSizeGreaterThan(4);
		Map<Integer, Long> perNode = new HashMap<>();
		for (int cycle = 0; cycle < 3; cycle++) {
			FeedFetchLog.fetches.clear();
			for (String feed : feeds) {
				redis.opsForZSet().add(DUE, feed, 0);
			}
			// A cycle ends when every feed is handed back with a next poll minutes away:
			// no node can fetch it again in this cycle.
			await().atMost(Duration.ofSeconds(60)).until(() -> allScheduledLater(redis));
			// The log sees every app context of this JVM (others poll their own demo feeds
			// now and then): only these two nodes' fetches count, each feed named by its
			// publisher and section (the path's first segment is the serving node's
			// per-start key).
			List<FeedFetchLog.Fetch> ours = FeedFetchLog.fetches.stream()
					.filter(fetch -> fetch.nodePort() == a.port() || fetch.nodePort() == b.port()).toList();
			Map<String, Long> perFeed = ours.stream().collect(Collectors
					.groupingBy(fetch -> fetch.path().replaceFirst("^/demo/feeds/[^/]+/", ""), Collectors.counting()));
			assertThat(perFeed).as("fetches per feed in cycle " + cycle).hasSize(feeds.size())
					.allSatisfy((feed, count) -> assertThat(count).as(feed).isEqualTo(1));
			ours.forEach(fetch -> perNode.merge(fetch.nodePort(), 1L, Long::sum));
		}
		assertThat(perNode).as("fetches per node").containsOnlyKeys(a.port(), b.port());
	}

	@Test
	void aMemberMadeOnOneNodeReadsInFullOnTheOther() {
		String email = "member-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		String password = "a long member passphrase";
		SiteClient onA = new SiteClient(a.baseUrl());
		assertThat(onA.signUp(email, password).statusCode()).isEqualTo(302);
		onA.startTrial("monthly", "4242424242424242");
		String token = b.token(email, password);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(
				() -> assertThat(b.get("/api/v1/me/membership", token).body()).contains("\"state\":\"trialing\""));
		String id = b.get("/api/v1/articles?limit=5", null).body().replaceAll("(?s).*?\"id\":\"([0-9a-f]+)\".*", "$1");
		assertThat(b.get("/api/v1/articles/" + id, token).body()).contains("\"access\":\"full\"");
	}

	@Test
	void aSessionMadeOnOneNodeWorksOnTheOther() {
		String email = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		SiteClient onA = new SiteClient(a.baseUrl());
		assertThat(onA.signUp(email, "a long reader passphrase").statusCode()).isEqualTo(302);
		SiteClient onB = new SiteClient(b.baseUrl());
		onB.addCookie("SESSION", onA.cookie("SESSION").orElseThrow());
		assertThat(onB.get("/account").statusCode()).isEqualTo(200);
		assertThat(onB.get("/account").body()).contains(email);
	}

	@Test
	void aPickFollowAndSavedArticleMadeOnOneNodeShowOnTheOther() {
		String adminToken = a.token(ClusterApp.ADMIN_EMAIL, ClusterApp.ADMIN_PASSWORD);
		String id = a.get("/api/v1/articles?limit=5", null).body().replaceAll("(?s).*?\"id\":\"([0-9a-f]+)\".*", "$1");
		assertThat(a.send("PUT", "/api/v1/editor/picks/" + id, adminToken,
				"{\"order\":1,\"expiresAt\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}").statusCode())
				.isEqualTo(200);
		await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(b.get("/api/v1/home?edition=INT", null).body())
						.contains("\"picks\":[{\"id\":\"" + id));
		String token = a.token(ClusterApp.ADMIN_EMAIL, ClusterApp.ADMIN_PASSWORD);
		a.send("PUT", "/api/v1/me/saved/" + id, token, null);
		a.send("PUT", "/api/v1/me/follows/section/World", token, null);
		assertThat(b.get("/api/v1/me/saved", token).body()).contains(id);
		assertThat(b.get("/api/v1/me/follows", token).body()).contains("\"value\":\"world\"");
	}

	@Test
	void searchOnEachNodeFindsWhatTheOtherPolled() {
		Function<ClusterApp, String> firstTitleWord = app -> {
			String title = app.get("/api/v1/articles?limit=1", null).body()
					.replaceAll("(?s).*?\"title\":\"([^\"]+)\".*", "$1");
			return Arrays.stream(title.split("\\W+")).filter(w -> w.length() > 5).findFirst().orElseThrow();
		};
		String word = firstTitleWord.apply(a);
		for (ClusterApp app : new ClusterApp[]{a, b}) {
			await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(app.get("/api/v1/search?q=" + word, null).body())
							.contains("\"totalHits\":").doesNotContain("\"totalHits\":0"));
		}
	}

	/**
	 * Each job lease (aggregator: retention and catch-up; billing: the reconcile)
	 * is held by exactly one node; only that node reconciles; when it stops, the
	 * other takes the leases over and reconciles.
	 */
	@Test
	@Order(Integer.MAX_VALUE)
	void singleNodeJobsRunOnTheLeaseHolderAndMoveWhenItStops() {
		for (String role : List.of("aggregator", "billing")) {
			await().atMost(Duration.ofSeconds(30))
					.untilAsserted(() -> assertThat(leaseHeld(a, role) + leaseHeld(b, role)).as(role).isEqualTo(1));
		}
		ClusterApp holder = leaseHeld(a, "billing") == 1 ? a : b;
		ClusterApp other = (holder == a) ? b : a;
		double ran = reconciles(holder, "ran");
		await().atMost(Duration.ofSeconds(30)).until(() -> reconciles(holder, "ran") >= ran + 2);
		assertThat(reconciles(other, "skipped")).isPositive();
		assertThat(reconciles(other, "ran")).isZero();
		StringRedisTemplate redis = other.bean(StringRedisTemplate.class);
		assertThat(redis.getExpire("billing:jobs:billing")).isBetween(1L, 30L);
		assertThat(redis.getExpire("newsstand:jobs:aggregator")).isBetween(1L, 30L);

		long stopped = System.nanoTime();
		holder.close();
		await().atMost(Duration.ofSeconds(40))
				.until(() -> leaseHeld(other, "billing") == 1 && leaseHeld(other, "aggregator") == 1);
		log.info("The other node took both job leases over {} ms after the holder stopped",
				(System.nanoTime() - stopped) / 1_000_000);
		double ranBefore = reconciles(other, "ran");
		await().atMost(Duration.ofSeconds(30)).until(() -> reconciles(other, "ran") > ranBefore);
	}

	private static double leaseHeld(ClusterApp app, String role) {
		Gauge gauge = app.bean(MeterRegistry.class).find("newsstand.jobs.lease").tag("role", role).gauge();
		assertThat(gauge).as("lease gauge of " + role).isNotNull();
		return gauge.value();
	}

	private static double reconciles(ClusterApp app, String outcome) {
		Counter counter = app.bean(MeterRegistry.class).find("newsstand.jobs.runs").tag("job", "reconcile")
				.tag("outcome", outcome).counter();
		return (counter == null) ? 0 : counter.count();
	}

	private static boolean allScheduledLater(StringRedisTemplate redis) {
		Set<TypedTuple<String>> due = redis.opsForZSet().rangeWithScores(DUE, 0, -1);
		long leased = redis.opsForZSet().zCard("newsstand:{poll}:leases");
		double soon = System.currentTimeMillis() + Duration.ofMinutes(1).toMillis();
		return leased == 0 && due != null && !due.isEmpty()
				&& due.stream().allMatch(tuple -> tuple.getScore() != null && tuple.getScore() > soon);
	}

}
