package io.newsstand.aggregator.internal.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsstand.aggregator.ArticleQuery;
import io.newsstand.aggregator.internal.catalog.Catalog;
import io.newsstand.aggregator.internal.catalog.CatalogFeed;
import io.newsstand.aggregator.internal.fetch.TestServer;
import io.newsstand.testing.RedisExtension;
import io.newsstand.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Two poller instances on one Redis, as two app nodes would run. */
@ExtendWith(RedisExtension.class)
class PollCycleTest {

	private static final Instant NOW = Instant.parse("2025-06-04T12:00:00Z");

	private final StringRedisTemplate redis;

	private final TestServer server = new TestServer();

	private final SettableClock clock = new SettableClock(NOW);

	private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

	private Catalog catalog;

	PollCycleTest(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@BeforeEach
	void setUp() {
		this.redis.execute((RedisCallback<Object>) connection -> {
			connection.serverCommands().flushDb();
			return null;
		});
		List<String> urls = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String path = "/feeds/" + i;
			String slug = "f" + i;
			this.server.on(path, exchange -> {
				this.hits.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
				TestServer.send(exchange, 200, "application/rss+xml", Rss.feed(slug, 3, NOW, 30));
			});
			urls.add(this.server.url(path).toString());
		}
		this.catalog = new Catalog("test", List.of(PollingFixture.publisher("alpha", urls.subList(0, 15)),
				PollingFixture.publisher("beta", urls.subList(15, 30))));
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void twoInstancesSplitTheWorkAndNoFeedIsFetchedTwice() throws Exception {
		PollCycle one = new PollingFixture(this.redis, this.clock, this.server.hostPort()).poller(this.catalog, "one");
		PollCycle two = new PollingFixture(this.redis, this.clock, this.server.hostPort()).poller(this.catalog, "two");
		one.syncCatalog();
		two.syncCatalog();
		// Own threads, never the common pool: the JDK HTTP client completes bodies
		// there.
		int polled;
		try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
			Future<Integer> a = nodes.submit(one::pollDue);
			Future<Integer> b = nodes.submit(two::pollDue);
			polled = a.get() + b.get();
		}
		assertThat(polled).isEqualTo(30);
		assertThat(this.server.requests()).isEqualTo(30);
		assertThat(this.hits).hasSize(30);
		assertThat(this.hits.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
		PollingFixture reader = new PollingFixture(this.redis, this.clock);
		assertThat(reader.articles.latest(new ArticleQuery(null, null, null, null, 100)).items()).hasSize(90);
		// Everything is scheduled for later: nothing is due now.
		assertThat(one.pollDue()).isZero();
	}

	@Test
	void aSlowFeedHoldsBackNoOtherFeed() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		this.server.on("/slow", exchange -> {
			try {
				release.await(20, TimeUnit.SECONDS);
			} catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			TestServer.send(exchange, 200, "application/rss+xml", Rss.feed("slow", 3, NOW, 30));
		});
		List<String> urls = new ArrayList<>(this.catalog.feeds().stream().map(CatalogFeed::url).toList());
		urls.set(0, this.server.url("/slow").toString());
		Catalog withSlow = new Catalog("test", List.of(PollingFixture.publisher("alpha", urls)));
		PollingFixture fixture = new PollingFixture(this.redis, this.clock, this.server.hostPort());
		PollCycle poller = fixture.poller(withSlow, "one");
		poller.syncCatalog();
		String slow = withSlow.feeds().get(0).id();
		List<String> others = withSlow.feeds().stream().map(CatalogFeed::id).filter(id -> !id.equals(slow)).toList();
		try (ExecutorService node = Executors.newSingleThreadExecutor()) {
			Future<Integer> polled = node.submit(poller::pollDue);
			// Batches of 10, 20 in flight: every other feed is claimed, polled and handed
			// back while the slow one (whichever batch it came in) still waits for its
			// answer.
			// Wait until they are handed back: a feed not yet claimed is due at NOW, a
			// claimed one has no next poll until it is handed back.
			await().atMost(Duration.ofSeconds(15)).untilAsserted(
					() -> assertThat(others).allSatisfy(id -> assertThat(fixture.schedule.nextPoll(id)).isAfter(NOW)));
			assertThat(fixture.schedule.nextPoll(slow)).as("still leased").isNull();
			assertThat(polled).isNotDone();
			release.countDown();
			assertThat(polled.get(20, TimeUnit.SECONDS)).isEqualTo(30);
		}
		assertThat(fixture.schedule.nextPoll(slow)).isAfter(NOW);
		poller.close();
	}

	@Test
	void everyChangedFeedOfAGroupHasItsArticlesStored() {
		PollingFixture fixture = new PollingFixture(this.redis, this.clock, this.server.hostPort());
		PollCycle poller = fixture.poller(this.catalog, "one", 30, 30);
		poller.syncCatalog();
		assertThat(poller.pollDue()).isEqualTo(30);
		// 30 feeds of 3 items each, handed back in groups: every article of every feed.
		List<String> titles = new ArrayList<>();
		for (String publisher : List.of("alpha", "beta")) {
			fixture.articles.latest(new ArticleQuery(publisher, null, null, null, ArticleQuery.MAX_LIMIT)).items()
					.forEach(summary -> titles.add(publisher + "/" + summary.title()));
		}
		assertThat(titles).hasSize(90).doesNotHaveDuplicates();
		for (CatalogFeed feed : this.catalog.feeds()) {
			assertThat(fixture.states.load(feed.id()).items()).isEqualTo(3);
		}
	}

	@Test
	void aCrashedInstancesFeedsArePolledByTheOtherWhenTheLeaseExpires() {
		PollingFixture fixture = new PollingFixture(this.redis, this.clock, this.server.hostPort());
		PollCycle survivor = fixture.poller(this.catalog, "survivor");
		survivor.syncCatalog();
		// The crashed instance claimed everything, then died without polling.
		assertThat(fixture.schedule.claim("crashed", 100, PollingFixture.LEASE)).hasSize(30);
		assertThat(survivor.pollDue()).isZero();
		this.clock.advance(PollingFixture.LEASE.plusSeconds(1));
		assertThat(survivor.pollDue()).isEqualTo(30);
		assertThat(this.hits.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
	}

	@Test
	void aRedisOutageDuringAPollLosesNothingAndTheFeedComesBack() {
		LettuceConnectionFactory dead = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(300)).build());
		dead.afterPropertiesSet();
		try {
			StringRedisTemplate deadRedis = new StringRedisTemplate(dead);
			PollingFixture broken = new PollingFixture(this.redis, deadRedis, this.clock, this.server.hostPort());
			Catalog one = new Catalog("test",
					List.of(PollingFixture.publisher("alpha", List.of(this.catalog.feeds().get(0).url()))));
			PollCycle poller = broken.poller(one, "blip");
			poller.syncCatalog();
			assertThat(poller.pollDue()).isZero();
			this.clock.advance(PollingFixture.LEASE.plusSeconds(1));
			PollCycle healthy = new PollingFixture(this.redis, this.clock, this.server.hostPort()).poller(one,
					"healthy");
			assertThat(healthy.pollDue()).isEqualTo(1);
			CatalogFeed feed = one.feeds().get(0);
			assertThat(new PollingFixture(this.redis, this.clock).states.load(feed.id()).items()).isEqualTo(3);
		} finally {
			dead.destroy();
		}
	}

}
