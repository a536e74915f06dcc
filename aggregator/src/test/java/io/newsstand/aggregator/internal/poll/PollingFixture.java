package io.newsstand.aggregator.internal.poll;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsstand.aggregator.internal.catalog.Catalog;
import io.newsstand.aggregator.internal.catalog.CatalogFeed;
import io.newsstand.aggregator.internal.catalog.CatalogPublisher;
import io.newsstand.aggregator.internal.fetch.FeedFetcher;
import io.newsstand.aggregator.internal.fetch.FetchSettings;
import io.newsstand.aggregator.internal.fetch.PrivateNetworkGuard;
import io.newsstand.aggregator.internal.parse.ArticleNormalizer;
import io.newsstand.aggregator.internal.parse.FeedParser;
import io.newsstand.aggregator.internal.parse.HtmlSanitizer;
import io.newsstand.aggregator.internal.store.ArticleReads;
import io.newsstand.aggregator.internal.store.ArticleStore;
import io.newsstand.aggregator.internal.store.FeedStateStore;
import io.newsstand.aggregator.internal.store.PollLeases;
import io.newsstand.testing.SettableClock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The real polling objects, wired as the app wires them, on a test clock. */
final class PollingFixture {

	static final Duration LEASE = Duration.ofMinutes(5);

	final SettableClock clock;

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final ArticleReads articles;

	final FeedStateStore states;

	final PollLeases schedule;

	final FeedPoller feedPoller;

	PollingFixture(StringRedisTemplate redis, SettableClock clock, String... allowedHosts) {
		this(redis, redis, clock, allowedHosts);
	}

	/**
	 * {@code storeRedis} may differ from the schedule's Redis, to simulate an
	 * outage.
	 */
	PollingFixture(StringRedisTemplate scheduleRedis, StringRedisTemplate storeRedis, SettableClock clock,
			String... allowedHosts) {
		this.clock = clock;
		ArticleStore store = new ArticleStore(storeRedis, JsonMapper.builder().build(), Duration.ofDays(30), clock);
		this.articles = new ArticleReads(storeRedis, JsonMapper.builder().build());
		this.states = new FeedStateStore(storeRedis);
		this.schedule = new PollLeases(scheduleRedis, clock);
		FeedFetcher fetcher = new FeedFetcher(
				new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 1_000_000, 2, "NewsstandBot/test"),
				new PrivateNetworkGuard(List.of(allowedHosts)), clock);
		this.feedPoller = new FeedPoller(fetcher, new FeedParser(), new ArticleNormalizer(new HtmlSanitizer()), store,
				this.states, new PollIntervals(Duration.ofMinutes(5), Duration.ofHours(6), Duration.ofMinutes(15),
						new SplittableRandom(1)),
				new PollMetrics(this.meters), clock, url -> url);
	}

	/**
	 * Small batches, so a few dozen feeds take several claims, and claiming ahead
	 * (two batches in flight) happens.
	 */
	PollCycle poller(Catalog catalog, String worker) {
		return poller(catalog, worker, 10, 20);
	}

	PollCycle poller(Catalog catalog, String worker, int batchSize, int maxInFlight) {
		return poller(catalog, worker, batchSize, maxInFlight, 2);
	}

	PollCycle poller(Catalog catalog, String worker, int batchSize, int maxInFlight, int parseThreads) {
		return new PollCycle(catalog, this.schedule, this.feedPoller, worker,
				new PollCycle.Limits(batchSize, maxInFlight, parseThreads, LEASE, Duration.ofHours(6)), this.clock);
	}

	static CatalogPublisher publisher(String id, List<String> urls) {
		return new CatalogPublisher(id, id.toUpperCase(), "https://" + id + ".example/", null, "UK", "en-GB", false,
				urls.stream().map(url -> new CatalogFeed(CatalogFeed.idFor(id, url), id, url, "World", null, null))
						.toList());
	}

}
