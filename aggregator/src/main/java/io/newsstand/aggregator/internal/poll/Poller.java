package io.newsstand.aggregator.internal.poll;

import io.newsstand.aggregator.internal.catalog.Catalog;
import io.newsstand.aggregator.internal.catalog.CatalogFeed;
import io.newsstand.aggregator.internal.catalog.CatalogPublisher;
import io.newsstand.aggregator.internal.poll.FeedPoller.PollReport;
import io.newsstand.aggregator.internal.store.FeedState;
import io.newsstand.aggregator.internal.store.PollSchedule;
import io.newsstand.aggregator.internal.store.PollSchedule.Completion;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisPipelineException;

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
	 * Claims due feeds until none is left and polls them. Per claimed batch the
	 * Redis work is four round trips whatever its size: the claim, one pipeline
	 * loading the feeds' states, one pipeline saving them, one script completing
	 * the leases.
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
			total += pollBatch(claimed);
			if (claimed.size() < this.batchSize) {
				return total;
			}
		}
	}

	private int pollBatch(List<String> claimed) {
		List<Completion> completions = new ArrayList<>(claimed.size());
		List<Claimed> known = new ArrayList<>(claimed.size());
		for (String feedId : claimed) {
			Optional<CatalogFeed> feed = this.catalog.feed(feedId);
			Optional<CatalogPublisher> publisher = feed.flatMap(f -> this.catalog.publisher(f.publisherId()));
			if (feed.isPresent() && publisher.isPresent()) {
				known.add(new Claimed(publisher.get(), feed.get()));
			} else {
				// Left the catalog since it was scheduled; the next catalog sync drops it.
				completions.add(new Completion(feedId, this.clock.instant().plus(this.maxInterval)));
			}
		}
		PollReport[] reports = new PollReport[known.size()];
		try {
			List<FeedState> states = this.feedPoller.load(known.stream().map(claim -> claim.feed().id()).toList());
			try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
				for (int i = 0; i < known.size(); i++) {
					int index = i;
					Claimed claim = known.get(i);
					threads.submit(() -> {
						reports[index] = pollOne(claim, states.get(index));
					});
				}
			}
			// Every Redis call of the batch from here on, after its parsing (see
			// FeedPoller.store).
			List<FeedState> polled = new ArrayList<>(known.size());
			for (int i = 0; i < reports.length; i++) {
				PollReport report = reports[i];
				if (report != null && stored(known.get(i).feed().id(), report)) {
					polled.add(report.state());
					completions.add(new Completion(known.get(i).feed().id(),
							report.disable()
									? null
									: report.state().nextPoll() == null
											? this.clock.instant().plus(this.maxInterval)
											: report.state().nextPoll()));
				}
			}
			this.feedPoller.save(polled);
			for (String feedId : this.schedule.completeAll(this.worker, completions)) {
				log.warn("Feed {}: lease of worker {} expired during the poll; another worker owns it now", feedId,
						this.worker);
			}
			return polled.size();
		} catch (RuntimeException ex) {
			// Typically Redis unreachable: the leases expire and the feeds are polled
			// again.
			log.warn("Polling {} feed(s) by worker {} failed; they return to the schedule when their lease expires: {}",
					claimed.size(), this.worker, describe(ex));
			return 0;
		}
	}

	private boolean stored(String feedId, PollReport report) {
		try {
			this.feedPoller.store(feedId, report);
			return true;
		} catch (RuntimeException ex) {
			// Typically Redis unreachable: the lease expires and the feed is polled again.
			log.warn("Storing the articles of feed {} by worker {} failed; it returns to the schedule when its lease "
					+ "expires: {}", feedId, this.worker, describe(ex));
			return false;
		}
	}

	private record Claimed(CatalogPublisher publisher, CatalogFeed feed) {
	}

	private @Nullable PollReport pollOne(Claimed claim, FeedState state) {
		try {
			return this.feedPoller.poll(claim.publisher(), claim.feed(), state);
		} catch (RuntimeException ex) {
			// Unexpected (Redis unreachable while storing articles): the lease expires and
			// the feed is polled again.
			log.warn("Poll of feed {} by worker {} failed; it returns to the schedule when its lease expires: {}",
					claim.feed().id(), this.worker, describe(ex));
			return null;
		}
	}

	/**
	 * The exception with what Redis answered: a pipeline's wrapper message alone
	 * does not say which command failed or why.
	 */
	static String describe(RuntimeException ex) {
		if (ex instanceof RedisPipelineException pipeline) {
			List<String> failures = pipeline.getPipelineResult().stream().filter(Throwable.class::isInstance)
					.map(failure -> ((Throwable) failure).getMessage()).distinct().limit(5).toList();
			if (!failures.isEmpty()) {
				return ex + " (Redis answered: " + String.join("; ", failures) + ")";
			}
		}
		return ex.getCause() == null ? ex.toString() : ex + " (caused by " + ex.getCause() + ")";
	}

}
