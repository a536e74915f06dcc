package io.newsstand.aggregator.internal.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.ArticleQuery;
import io.newsstand.aggregator.internal.catalog.CatalogFeed;
import io.newsstand.aggregator.internal.catalog.CatalogPublisher;
import io.newsstand.aggregator.internal.fetch.TestServer;
import io.newsstand.aggregator.internal.store.FeedState;
import io.newsstand.testing.RedisExtension;
import io.newsstand.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

@ExtendWith(RedisExtension.class)
class FeedPollerTest {

	private static final Instant NOW = Instant.parse("2025-06-04T12:00:00Z");

	private final StringRedisTemplate redis;

	private final TestServer server = new TestServer();

	private final SettableClock clock = new SettableClock(NOW);

	private final AtomicReference<String> body = new AtomicReference<>(Rss.feed("alpha", 10, NOW, 10));

	private final AtomicInteger gets = new AtomicInteger();

	private PollingFixture fixture;

	private CatalogPublisher publisher;

	private CatalogFeed feed;

	FeedPollerTest(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@BeforeEach
	void setUp() {
		this.redis.execute((RedisCallback<Object>) connection -> {
			connection.serverCommands().flushDb();
			return null;
		});
		this.fixture = new PollingFixture(this.redis, this.clock, this.server.hostPort());
		this.publisher = PollingFixture.publisher("alpha", List.of(this.server.url("/feed").toString()));
		this.feed = this.publisher.feeds().get(0);
		this.server.on("/feed", exchange -> {
			this.gets.incrementAndGet();
			String etag = "\"" + Integer.toHexString(this.body.get().hashCode()) + "\"";
			if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.getResponseHeaders().set("ETag", etag);
				TestServer.send(exchange, 304, null, new byte[0]);
				return;
			}
			exchange.getResponseHeaders().set("ETag", etag);
			TestServer.send(exchange, 200, "application/rss+xml", this.body.get());
		});
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private PollReport poll() {
		return this.fixture.feedPoller.poll(this.publisher, this.feed);
	}

	@Test
	void aFirstPollStoresArticlesAndTheValidatorsAndASecondGets304() {
		PollReport first = poll();
		assertThat(first.outcome()).isEqualTo(PollOutcome.FETCHED);
		assertThat(first.state().items()).isEqualTo(10);
		assertThat(first.state().etag()).startsWith("\"");
		assertThat(this.fixture.articles.latest(ArticleQuery.latest()).items()).hasSize(10);
		PollReport second = poll();
		assertThat(second.outcome()).isEqualTo(PollOutcome.NOT_MODIFIED);
		assertThat(second.state().lastStatus()).isEqualTo(304);
		assertThat(second.state().etag()).isEqualTo(first.state().etag());
		assertThat(this.fixture.meters.counter("newsstand.feed.polls", "outcome", "not-modified").count()).isEqualTo(1);
		assertThat(this.fixture.meters.counter("newsstand.articles.stored", "change", "new").count()).isEqualTo(10);
	}

	@Test
	void aChangedBodyIsParsedOnTheParsingExecutorAndA304NeverReachesIt() throws Exception {
		List<Thread> parsedOn = new CopyOnWriteArrayList<>();
		try (ExecutorService platform = Executors.newSingleThreadExecutor()) {
			Executor parsing = task -> platform.execute(() -> {
				parsedOn.add(Thread.currentThread());
				task.run();
			});
			PollReport first = pollOnVirtualThread(FeedState.fresh(this.feed.id()), parsing);
			this.fixture.states.save(first.state());
			PollReport second = pollOnVirtualThread(this.fixture.states.load(this.feed.id()), parsing);

			assertThat(first.outcome()).isEqualTo(PollOutcome.FETCHED);
			assertThat(first.articles()).hasSize(10);
			assertThat(second.outcome()).isEqualTo(PollOutcome.NOT_MODIFIED);
			assertThat(parsedOn).singleElement().satisfies(thread -> assertThat(thread.isVirtual()).isFalse());
		}
	}

	private PollReport pollOnVirtualThread(FeedState state, Executor parsing) throws Exception {
		try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
			return virtual.submit(() -> this.fixture.feedPoller.poll(this.publisher, this.feed, state, parsing)).get();
		}
	}

	@Test
	void aBusyFeedIsPolledWithinMinutesAndANewFeedWaitsTheDefaultInterval() {
		PollReport busy = poll();
		// Ten items ten minutes apart: about every ten minutes, within the jitter.
		assertThat(Duration.between(NOW, busy.state().nextPoll())).isBetween(Duration.ofMinutes(5),
				Duration.ofMinutes(12));
		this.body.set(Rss.feed("alpha", 3, NOW.minus(Duration.ofDays(2)), 60 * 24));
		this.clock.advance(Duration.ofMinutes(10));
		PollReport quiet = poll();
		assertThat(Duration.between(this.clock.instant(), quiet.state().nextPoll())).isGreaterThan(Duration.ofHours(5));
	}

	@Test
	void anIdenticalBodyWithoutValidatorsSkipsParsing() {
		this.server.on("/plain", exchange -> TestServer.send(exchange, 200, "text/xml", this.body.get()));
		CatalogFeed plain = new CatalogFeed("alpha-plain", "alpha", this.server.url("/plain").toString(), "World", null,
				null);
		assertThat(this.fixture.feedPoller.poll(this.publisher, plain).outcome()).isEqualTo(PollOutcome.FETCHED);
		assertThat(this.fixture.feedPoller.poll(this.publisher, plain).outcome()).isEqualTo(PollOutcome.UNCHANGED);
		assertThat(this.fixture.meters.timer("newsstand.feed.parse").count()).isEqualTo(1);
	}

	@Test
	void aBrokenResponseIsRecordedAndLeavesStoredArticlesIntact() {
		poll();
		this.body.set("<!DOCTYPE html><html><body>Maintenance</body></html>");
		PollReport broken = poll();
		assertThat(broken.outcome()).isEqualTo(PollOutcome.FAILED);
		assertThat(broken.state().lastErrorKind()).isEqualTo("not-a-feed");
		assertThat(broken.state().lastError()).contains("HTML page");
		assertThat(broken.state().consecutiveErrors()).isEqualTo(1);
		assertThat(broken.state().lastSuccess()).isEqualTo(NOW);
		assertThat(Duration.between(NOW, broken.state().nextPoll())).isBetween(Duration.ofMinutes(13),
				Duration.ofMinutes(17));
		assertThat(this.fixture.articles.latest(ArticleQuery.latest()).items()).hasSize(10);
		this.body.set("<rss><channel><title>truncated");
		PollReport again = poll();
		assertThat(again.state().lastErrorKind()).isEqualTo("parse");
		assertThat(again.state().consecutiveErrors()).isEqualTo(2);
		assertThat(Duration.between(NOW, again.state().nextPoll())).isGreaterThan(Duration.ofMinutes(26));
		assertThat(this.fixture.meters.counter("newsstand.feed.errors", "kind", "not-a-feed").count()).isEqualTo(1);
	}

	@Test
	void goneDisablesTheFeed() {
		this.server.on("/gone", exchange -> TestServer.send(exchange, 410, null, new byte[0]));
		CatalogFeed gone = new CatalogFeed("alpha-gone", "alpha", this.server.url("/gone").toString(), null, null,
				null);
		PollReport report = this.fixture.feedPoller.poll(this.publisher, gone);
		assertThat(report.disable()).isTrue();
		assertThat(report.state().disabled()).isTrue();
		assertThat(this.fixture.states.load("alpha-gone").lastError()).contains("410");
	}

	@Test
	void rateLimitingWaitsForRetryAfter() {
		this.server.on("/busy", exchange -> {
			exchange.getResponseHeaders().set("Retry-After", "7200");
			TestServer.send(exchange, 429, null, new byte[0]);
		});
		CatalogFeed busy = new CatalogFeed("alpha-busy", "alpha", this.server.url("/busy").toString(), null, null,
				null);
		PollReport report = this.fixture.feedPoller.poll(this.publisher, busy);
		assertThat(report.outcome()).isEqualTo(PollOutcome.RATE_LIMITED);
		assertThat(report.state().nextPoll()).isEqualTo(NOW.plusSeconds(7200));
	}

	@Test
	void aPermanentRedirectReplacesTheStoredUrl() {
		this.server.on("/old", exchange -> {
			exchange.getResponseHeaders().set("Location", "/feed");
			TestServer.send(exchange, 301, null, new byte[0]);
		});
		CatalogFeed moved = new CatalogFeed("alpha-moved", "alpha", this.server.url("/old").toString(), null, null,
				null);
		this.fixture.feedPoller.poll(this.publisher, moved);
		assertThat(this.fixture.states.load("alpha-moved").url()).isEqualTo(this.server.url("/feed").toString());
		int before = this.gets.get();
		this.fixture.feedPoller.poll(this.publisher, moved);
		assertThat(this.gets.get()).isEqualTo(before + 1);
	}

	@Test
	void anUpdatedItemIsUpdatedInPlace() {
		poll();
		this.body.set(this.body.get().replace("alpha story 3<", "alpha story 3 (corrected)<"));
		poll();
		assertThat(this.fixture.articles.latest(ArticleQuery.latest()).items()).hasSize(10)
				.anySatisfy(summary -> assertThat(summary.title()).isEqualTo("alpha story 3 (corrected)"));
		assertThat(this.fixture.meters.counter("newsstand.articles.stored", "change", "updated").count()).isEqualTo(1);
	}

	@Test
	void aChangedFeedParsesOnlyItsChangedItems() {
		poll();
		this.body.set(this.body.get().replace("alpha story 3<", "alpha story 3 (corrected)<"));
		PollReport second = poll();
		assertThat(second.state().items()).isEqualTo(10);
		assertThat(items("parsed")).isEqualTo(10 + 1);
		assertThat(items("left-out")).isEqualTo(9);
		assertThat(this.fixture.meters.counter("newsstand.articles.stored", "change", "updated").count()).isEqualTo(1);
	}

	@Test
	void aNodeWhoseMemoryIsBehindTheStoredStateParsesEverything() {
		poll();
		// Another node polls a newer version and stores it: this node's memory of the
		// feed no longer matches the stored state.
		PollingFixture otherNode = new PollingFixture(this.redis, this.clock, this.server.hostPort());
		this.body.set(this.body.get().replace("alpha story 3<", "alpha story 3 (corrected)<"));
		otherNode.feedPoller.poll(this.publisher, this.feed);
		// ... then the publisher reverts the correction.
		this.body.set(this.body.get().replace("alpha story 3 (corrected)<", "alpha story 3<"));
		PollReport third = poll();
		assertThat(third.outcome()).isEqualTo(PollOutcome.FETCHED);
		assertThat(items("left-out")).isZero();
		assertThat(this.fixture.articles.latest(ArticleQuery.latest()).items())
				.anySatisfy(summary -> assertThat(summary.title()).isEqualTo("alpha story 3"))
				.noneSatisfy(summary -> assertThat(summary.title()).contains("corrected"));
	}

	private double items(String parse) {
		return this.fixture.meters.counter("newsstand.feed.items", "parse", parse).count();
	}

}
