package io.newsstand.aggregator.internal.poll;

import io.newsstand.aggregator.internal.catalog.Catalog;
import io.newsstand.aggregator.internal.catalog.CatalogFeed;
import io.newsstand.aggregator.internal.catalog.CatalogPublisher;
import io.newsstand.aggregator.internal.poll.FeedPoller.PollReport;
import io.newsstand.aggregator.internal.store.PollSchedule;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poller instance: claims due feeds from the shared schedule under its
 * worker name, polls each on a virtual thread (the fetcher limits requests per
 * host) and hands each back with its next poll time. Several instances on one
 * Redis split the work; a crashed instance's feeds return when their lease
 * expires.
 */
public final class Poller {

	private static final Logger log = LoggerFactory.getLogger(Poller.class);

	private final Catalog catalog;

	private final PollSchedule schedule;

	private final FeedPoller feedPoller;

	private final String worker;

	private final int batchSize;

	private final Duration lease;

	private final Duration maxInterval;

	private final InstantSource clock;

	public Poller(Catalog catalog, PollSchedule schedule, FeedPoller feedPoller, String worker, int batchSize,
			Duration lease, Duration maxInterval, InstantSource clock) {
		this.catalog = catalog;
		this.schedule = schedule;
		this.feedPoller = feedPoller;
		this.worker = worker;
		this.batchSize = batchSize;
		this.lease = lease;
		this.maxInterval = maxInterval;
		this.clock = clock;
	}

	public String worker() {
		return this.worker;
	}

	/** Puts new catalog feeds on the schedule (polled at once). */
	public long syncCatalog() {
		return this.schedule.sync(this.catalog.feeds().stream().map(CatalogFeed::id).toList());
	}

	/**
	 * Claims due feeds until none is left and polls them.
	 *
	 * @return feeds polled
	 */
	public int pollDue() {
		int total = 0;
		while (true) {
			List<String> claimed = this.schedule.claim(this.worker, this.batchSize, this.lease);
			if (claimed.isEmpty()) {
				return total;
			}
			AtomicInteger done = new AtomicInteger();
			try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
				for (String feedId : claimed) {
					threads.submit(() -> {
						if (pollOne(feedId)) {
							done.incrementAndGet();
						}
					});
				}
			}
			total += done.get();
			if (claimed.size() < this.batchSize) {
				return total;
			}
		}
	}

	private boolean pollOne(String feedId) {
		Optional<CatalogFeed> feed = this.catalog.feed(feedId);
		Optional<CatalogPublisher> publisher = feed.flatMap(f -> this.catalog.publisher(f.publisherId()));
		if (feed.isEmpty() || publisher.isEmpty()) {
			// Left the catalog since it was scheduled; the next catalog sync drops it.
			this.schedule.complete(this.worker, feedId, this.clock.instant().plus(this.maxInterval));
			return false;
		}
		try {
			PollReport report = this.feedPoller.poll(publisher.get(), feed.get());
			boolean kept = report.disable()
					? this.schedule.disable(this.worker, feedId)
					: this.schedule.complete(this.worker, feedId,
							report.state().nextPoll() == null
									? this.clock.instant().plus(this.maxInterval)
									: report.state().nextPoll());
			if (!kept) {
				log.warn("Feed {}: lease of worker {} expired during the poll; another worker owns it now", feedId,
						this.worker);
			}
			return true;
		} catch (RuntimeException ex) {
			// Typically Redis unreachable: the lease expires and the feed is polled again.
			log.warn("Poll of feed {} by worker {} failed; it returns to the schedule when its lease expires: {}",
					feedId, this.worker, ex.toString());
			return false;
		}
	}

}
