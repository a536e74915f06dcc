package io.newsstand.aggregator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.FeedHealth;
import io.newsstand.aggregator.FeedMonitor.Reenabling;
import io.newsstand.aggregator.internal.catalog.Catalog;
import io.newsstand.aggregator.internal.catalog.CatalogFeed;
import io.newsstand.aggregator.internal.catalog.CatalogPublisher;
import io.newsstand.aggregator.internal.store.ArticleReads;
import io.newsstand.aggregator.internal.store.FeedState;
import io.newsstand.aggregator.internal.store.FeedStateStore;
import io.newsstand.aggregator.internal.store.PollLeases;
import io.newsstand.testing.RedisExtension;
import io.newsstand.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The operator's way back for a feed that a 410 Gone took off the schedule. */
@ExtendWith(RedisExtension.class)
class ArticleServiceReenableTest {

	private static final String URL = "https://gone.example/feed.xml";

	private final StringRedisTemplate redis;

	private final SettableClock clock = new SettableClock(Instant.parse("2025-06-04T12:00:00Z"));

	private final CatalogFeed feed = new CatalogFeed(CatalogFeed.idFor("gone", URL), "gone", URL, "World", null, null);

	private FeedStateStore states;

	private PollLeases schedule;

	private ArticleService service;

	ArticleServiceReenableTest(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@BeforeEach
	void setUp() {
		this.redis.execute((RedisCallback<Object>) connection -> {
			connection.serverCommands().flushDb();
			return null;
		});
		this.states = new FeedStateStore(this.redis);
		this.schedule = new PollLeases(this.redis, this.clock);
		Catalog catalog = new Catalog("test", List.of(new CatalogPublisher("gone", "Gone", "https://gone.example/",
				null, "UK", "en-GB", false, List.of(this.feed))));
		this.service = new ArticleService(catalog, new ArticleReads(this.redis, JsonMapper.builder().build()),
				this.states, this.schedule);
		this.schedule.sync(List.of(this.feed.id()));
	}

	/** What the poller leaves behind after a 410 (FeedPoller's Gone branch). */
	private void goneAnswered() {
		assertThat(this.schedule.claim("worker", 10, Duration.ofMinutes(2))).containsExactly(this.feed.id());
		Instant now = this.clock.instant();
		this.states.save(FeedState.builder(this.feed.id()).url(URL).etag("\"v1\"").bodyHash("hash").lastStatus(410)
				.lastError("HTTP 410 Gone: the publisher removed this feed; polling stopped").lastErrorKind("gone")
				.consecutiveErrors(1).lastPoll(now).lastSuccess(now.minusSeconds(60)).items(12)
				.interval(Duration.ofMinutes(15)).disabled(true).build());
		assertThat(this.schedule.disable("worker", this.feed.id())).isTrue();
	}

	private FeedHealth health() {
		return this.service.feeds().get(0);
	}

	@Test
	void aFeedDisabledByGoneIsEnabledAgainAndDueNow() {
		goneAnswered();
		this.clock.advance(Duration.ofHours(5));
		assertThat(health().state()).isEqualTo("disabled");
		assertThat(this.schedule.claim("worker", 10, Duration.ofMinutes(2))).isEmpty();

		assertThat(this.service.reenable(this.feed.id())).isEqualTo(Reenabling.REENABLED);

		assertThat(this.states.load(this.feed.id()).disabled()).isFalse();
		assertThat(this.schedule.isDisabled(this.feed.id())).isFalse();
		assertThat(health().nextPoll()).isEqualTo(this.clock.instant());
		// Validators and history stay; the next poll replaces status and error.
		assertThat(this.states.load(this.feed.id()).etag()).isEqualTo("\"v1\"");
		assertThat(health().state()).isNotEqualTo("disabled");
		assertThat(this.schedule.claim("worker", 10, Duration.ofMinutes(2))).containsExactly(this.feed.id());
	}

	@Test
	void aFeedThatIsNotDisabledIsLeftAlone() {
		Instant due = this.schedule.nextPoll(this.feed.id());
		assertThat(this.service.reenable(this.feed.id())).isEqualTo(Reenabling.NOT_DISABLED);
		assertThat(this.schedule.nextPoll(this.feed.id())).isEqualTo(due);
		assertThat(this.states.load(this.feed.id())).isEqualTo(FeedState.fresh(this.feed.id()));
	}

	@Test
	void anUnknownFeedIdIsNamedUnknown() {
		assertThat(this.service.reenable("no-such-feed")).isEqualTo(Reenabling.UNKNOWN_FEED);
		assertThat(this.schedule.isDisabled("no-such-feed")).isFalse();
		assertThat(this.schedule.nextPoll("no-such-feed")).isNull();
	}

	@Test
	void reenablingTwiceChangesNothingTheSecondTime() {
		goneAnswered();
		assertThat(this.service.reenable(this.feed.id())).isEqualTo(Reenabling.REENABLED);
		assertThat(this.service.reenable(this.feed.id())).isEqualTo(Reenabling.NOT_DISABLED);
		assertThat(this.schedule.claim("worker", 10, Duration.ofMinutes(2))).containsExactly(this.feed.id());
	}

}
