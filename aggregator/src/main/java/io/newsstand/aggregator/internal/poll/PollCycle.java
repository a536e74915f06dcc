package io.newsstand.aggregator.internal.poll;

import io.newsstand.aggregator.internal.catalog.Catalog;
import io.newsstand.aggregator.internal.catalog.CatalogFeed;
import io.newsstand.aggregator.internal.catalog.CatalogPublisher;
import io.newsstand.aggregator.internal.poll.FinishedPolls.Finished;
import io.newsstand.aggregator.internal.store.FeedState;
import io.newsstand.aggregator.internal.store.PollLeases;
import io.newsstand.aggregator.internal.store.PollLeases.Completion;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisPipelineException;

/**
 * The poll cycle of one poller node: claims due feeds from the shared schedule
 * under its worker name and polls them as a pipeline with bounded work in
 * flight. The calling thread claims a batch (and the batch's states, one
 * pipeline) while earlier batches are still being fetched, each feed on a
 * virtual thread (the fetcher limits requests per host); a changed body is
 * parsed on a small pool of platform threads; the calling thread takes finished
 * feeds in groups ({@link FinishedPolls}) and hands them back
 * ({@link HandBack}): their articles, their states (one pipeline) and their
 * next poll times (one script). Several instances on one Redis split the work;
 * a crashed instance's feeds return when their lease expires.
 */
final class PollCycle implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PollCycle.class);

	/**
	 * @param batchSize
	 *            feeds claimed per claim (one script call and one pipeline loading
	 *            their states)
	 * @param maxInFlight
	 *            feeds claimed and not yet handed back, at most; the next batch is
	 *            claimed while earlier ones are fetched as long as it fits
	 * @param parseThreads
	 *            platform threads parsing changed bodies
	 */
	record Limits(int batchSize, int maxInFlight, int parseThreads, Duration lease, Duration maxInterval) {

		public Limits {
			if (batchSize < 1 || maxInFlight < batchSize || parseThreads < 1) {
				throw new IllegalArgumentException("batch size " + batchSize + ", max in flight " + maxInFlight
						+ ", parse threads " + parseThreads + ": need 1 <= batch size <= max in flight, 1 thread");
			}
		}

	}

	private final Catalog catalog;

	/** The catalog's feeds by id, with their publishers. */
	private final Map<String, Claimed> feeds;

	private final PollLeases schedule;

	private final FeedPoller feedPoller;

	private final String worker;

	private final Limits limits;

	private final InstantSource clock;

	private final ExecutorService parsing;

	private final HandBack handBack;

	PollCycle(Catalog catalog, PollLeases schedule, FeedPoller feedPoller, String worker, Limits limits,
			InstantSource clock) {
		this.catalog = catalog;
		// Catalog.feed(id) walks every feed; a cycle looks up each claimed one.
		Map<String, Claimed> feeds = new HashMap<>();
		for (CatalogPublisher publisher : catalog.publishers()) {
			for (CatalogFeed feed : publisher.feeds()) {
				feeds.put(feed.id(), new Claimed(publisher, feed));
			}
		}
		this.feeds = Map.copyOf(feeds);
		this.schedule = schedule;
		this.feedPoller = feedPoller;
		this.worker = worker;
		this.limits = limits;
		this.clock = clock;
		this.parsing = Executors.newFixedThreadPool(limits.parseThreads(),
				Thread.ofPlatform().name("feed-parse-", 0).daemon(true).factory());
		this.handBack = new HandBack(schedule, feedPoller, worker, limits.maxInterval(), clock);
	}

	String worker() {
		return this.worker;
	}

	/** Puts new catalog feeds on the schedule (polled at once). */
	long syncCatalog() {
		return this.schedule.sync(this.catalog.feeds().stream().map(CatalogFeed::id).toList());
	}

	/**
	 * Claims due feeds until none is left and polls them. The calling thread makes
	 * every Redis round trip, on one kept connection: per batch the claim and one
	 * pipeline loading its states; per group of finished feeds one pipeline saving
	 * their states (changed fields only), one script completing their leases, and
	 * the article store's two pipelines for all their changed feeds together. No
	 * Redis call waits on a virtual thread while parses could hold the carriers
	 * (see {@link FeedPoller#store}).
	 *
	 * @return feeds polled
	 */
	int pollDue() {
		return this.feedPoller.onOneConnection(this::cycle);
	}

	@Override
	public void close() {
		this.parsing.shutdownNow();
	}

	private int cycle() {
		FinishedPolls polls = new FinishedPolls();
		int polled = 0;
		RuntimeException claimFailure = null;
		try (ExecutorService fetches = Executors
				.newThreadPerTaskExecutor(Thread.ofVirtual().name("feed-poll-", 0).factory())) {
			boolean more = true;
			while (more || polls.outstanding() > 0) {
				if (more && polls.outstanding() + this.limits.batchSize() <= this.limits.maxInFlight()) {
					List<String> claimed;
					try {
						claimed = this.schedule.claim(this.worker, this.limits.batchSize(), this.limits.lease());
					} catch (RuntimeException ex) {
						// Finish what is in flight, then report it.
						claimFailure = ex;
						more = false;
						continue;
					}
					more = claimed.size() == this.limits.batchSize();
					start(claimed, fetches, polls);
					continue;
				}
				List<Finished> group = polls.nextGroup(this.limits.batchSize());
				if (group == null) {
					// Interrupted (shutting down): the unfinished feeds' leases expire.
					fetches.shutdownNow();
					Thread.currentThread().interrupt();
					break;
				}
				polled += this.handBack.hand(group);
			}
		}
		if (claimFailure != null) {
			throw claimFailure;
		}
		return polled;
	}

	/** Loads a claimed batch's states and starts polling each feed. */
	private void start(List<String> claimed, ExecutorService fetches, FinishedPolls polls) {
		if (claimed.isEmpty()) {
			return;
		}
		List<Claimed> known = new ArrayList<>(claimed.size());
		List<Completion> gone = new ArrayList<>(0);
		for (String feedId : claimed) {
			Claimed claim = this.feeds.get(feedId);
			if (claim != null) {
				known.add(claim);
			} else {
				// Left the catalog since it was scheduled; the next catalog sync drops it.
				gone.add(new Completion(feedId, this.clock.instant().plus(this.limits.maxInterval())));
			}
		}
		try {
			if (!gone.isEmpty()) {
				this.schedule.completeAll(this.worker, gone);
			}
			List<FeedState> states = this.feedPoller.load(known.stream().map(claim -> claim.feed().id()).toList());
			for (int i = 0; i < known.size(); i++) {
				Claimed claim = known.get(i);
				FeedState state = states.get(i);
				polls.started();
				fetches.execute(() -> {
					PollReport report = null;
					try {
						report = pollOne(claim, state);
					} finally {
						// Always, or the cycle would wait for this feed forever.
						polls.add(new Finished(claim.feed().id(), state, report));
					}
				});
			}
		} catch (RuntimeException ex) {
			// Typically Redis unreachable: the leases expire and the feeds are polled
			// again.
			log.warn("Polling {} feed(s) by worker {} failed; they return to the schedule when their lease expires: {}",
					claimed.size(), this.worker, describe(ex));
		}
	}

	private @Nullable PollReport pollOne(Claimed claim, FeedState state) {
		try {
			return this.feedPoller.poll(claim.publisher(), claim.feed(), state, this.parsing);
		} catch (RuntimeException ex) {
			// Unexpected: the lease expires and the feed is polled again.
			log.warn("Poll of feed {} by worker {} failed; it returns to the schedule when its lease expires: {}",
					claim.feed().id(), this.worker, describe(ex));
			return null;
		}
	}

	private record Claimed(CatalogPublisher publisher, CatalogFeed feed) {
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
