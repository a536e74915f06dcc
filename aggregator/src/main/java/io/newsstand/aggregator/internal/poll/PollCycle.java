package io.newsstand.aggregator.internal.poll;

import io.newsstand.aggregator.internal.catalog.Catalog;
import io.newsstand.aggregator.internal.catalog.CatalogFeed;
import io.newsstand.aggregator.internal.catalog.CatalogPublisher;
import io.newsstand.aggregator.internal.poll.FeedPoller.PollReport;
import io.newsstand.aggregator.internal.store.FeedState;
import io.newsstand.aggregator.internal.store.PollLeases;
import io.newsstand.aggregator.internal.store.PollLeases.Completion;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
 * parsed on a small pool of platform threads; the calling thread hands finished
 * feeds back in groups: their articles, their states (one pipeline) and their
 * next poll times (one script). Several instances on one Redis split the work;
 * a crashed instance's feeds return when their lease expires.
 */
final class PollCycle implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PollCycle.class);

	/** How long a group of finished feeds waits for more before it is stored. */
	private static final long GROUP_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	/**
	 * How often a forming group looks for more: in steps, not woken by every
	 * finished feed.
	 */
	private static final long GROUP_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

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
		Cycle cycle = new Cycle();
		RuntimeException claimFailure = null;
		try (ExecutorService fetches = Executors
				.newThreadPerTaskExecutor(Thread.ofVirtual().name("feed-poll-", 0).factory())) {
			boolean more = true;
			while (more || cycle.outstanding > 0) {
				if (more && cycle.outstanding + this.limits.batchSize() <= this.limits.maxInFlight()) {
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
					start(claimed, fetches, cycle);
					continue;
				}
				List<Finished> group = cycle.nextGroup(this.limits.batchSize());
				if (group == null) {
					// Interrupted (shutting down): the unfinished feeds' leases expire.
					fetches.shutdownNow();
					Thread.currentThread().interrupt();
					break;
				}
				hand(group, cycle);
			}
		}
		if (claimFailure != null) {
			throw claimFailure;
		}
		return cycle.polled;
	}

	/** Loads a claimed batch's states and starts polling each feed. */
	private void start(List<String> claimed, ExecutorService fetches, Cycle cycle) {
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
				cycle.outstanding++;
				fetches.execute(() -> {
					PollReport report = null;
					try {
						report = pollOne(claim, state);
					} finally {
						// Always, or the cycle would wait for this feed forever.
						cycle.finished.add(new Finished(claim.feed().id(), state, report));
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

	/**
	 * Hands a group of finished feeds back: the articles of the changed ones (one
	 * read and one write round trip for all of them), then every state (one
	 * pipeline), then every lease (one script).
	 */
	private void hand(List<Finished> group, Cycle cycle) {
		cycle.outstanding -= group.size();
		List<PollReport> reports = new ArrayList<>(group.size());
		for (Finished finished : group) {
			if (finished.report() != null) {
				reports.add(finished.report());
			}
		}
		boolean articlesStored = stored(reports);
		List<FeedState> loaded = new ArrayList<>(group.size());
		List<FeedState> polled = new ArrayList<>(group.size());
		List<Completion> completions = new ArrayList<>(group.size());
		List<PollReport> remembered = new ArrayList<>(group.size());
		for (Finished finished : group) {
			PollReport report = finished.report();
			if (report != null && (articlesStored || report.articles().isEmpty())) {
				loaded.add(finished.loaded());
				polled.add(report.state());
				remembered.add(report);
				completions.add(new Completion(finished.feedId(),
						report.disable()
								? null
								: report.state().nextPoll() == null
										? this.clock.instant().plus(this.limits.maxInterval())
										: report.state().nextPoll()));
			}
		}
		try {
			this.feedPoller.save(loaded, polled);
			this.feedPoller.remember(remembered);
			for (String feedId : this.schedule.completeAll(this.worker, completions)) {
				log.warn("Feed {}: lease of worker {} expired during the poll; another worker owns it now", feedId,
						this.worker);
			}
			cycle.polled += polled.size();
		} catch (RuntimeException ex) {
			// Typically Redis unreachable: the leases expire and the feeds are polled
			// again.
			log.warn("Handing back {} feed(s) by worker {} failed; they return to the schedule when their lease "
					+ "expires: {}", group.size(), this.worker, describe(ex));
		}
	}

	/**
	 * Stores the articles of a group's changed feeds.
	 *
	 * @return whether they were stored; if not, the changed feeds are not handed
	 *         back and return to the schedule when their leases expire
	 */
	private boolean stored(List<PollReport> reports) {
		try {
			this.feedPoller.store(reports);
			return true;
		} catch (RuntimeException ex) {
			// Typically Redis unreachable: the leases expire and the feeds are polled
			// again.
			log.warn(
					"Storing the articles of feed(s) {} by worker {} failed; they return to the schedule when their "
							+ "lease expires: {}",
					reports.stream().filter(report -> !report.articles().isEmpty())
							.map(report -> report.state().feedId()).toList(),
					this.worker, describe(ex));
			return false;
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

	/** A polled feed, its state as loaded and what the poll reported. */
	private record Finished(String feedId, FeedState loaded, @Nullable PollReport report) {
	}

	/** One run of {@link #pollDue()}; used by its calling thread only. */
	private static final class Cycle {

		final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();

		int outstanding;

		int polled;

		/**
		 * The next group of finished feeds: waits for one, then up to
		 * {@link #GROUP_WAIT_NANOS} for more (fewer, larger groups: fewer round trips),
		 * until {@code size} or every outstanding feed has finished.
		 *
		 * @return {@code null} when interrupted
		 */
		@Nullable
		List<Finished> nextGroup(int size) {
			int wanted = Math.min(size, this.outstanding);
			List<Finished> group = new ArrayList<>(wanted);
			try {
				group.add(this.finished.take());
				long deadline = System.nanoTime() + GROUP_WAIT_NANOS;
				while (true) {
					this.finished.drainTo(group, wanted - group.size());
					long left = deadline - System.nanoTime();
					if (group.size() >= wanted || left <= 0) {
						return group;
					}
					TimeUnit.NANOSECONDS.sleep(Math.min(left, GROUP_STEP_NANOS));
				}
			} catch (InterruptedException ex) {
				return null;
			}
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
