package io.newsstand.aggregator.internal.poll;

import io.newsstand.aggregator.internal.poll.FinishedPolls.Finished;
import io.newsstand.aggregator.internal.store.FeedState;
import io.newsstand.aggregator.internal.store.PollLeases;
import io.newsstand.aggregator.internal.store.PollLeases.Completion;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a group of finished feeds back for one worker of the poll cycle: the
 * articles of the changed ones (one read and one write round trip for all of
 * them), then every state (one pipeline), then every lease (one script). A feed
 * whose part fails is not handed back; its lease expires and it is polled
 * again.
 */
final class HandBack {

	private static final Logger log = LoggerFactory.getLogger(HandBack.class);

	private final PollLeases schedule;

	private final FeedPoller feedPoller;

	private final String worker;

	private final Duration maxInterval;

	private final InstantSource clock;

	HandBack(PollLeases schedule, FeedPoller feedPoller, String worker, Duration maxInterval, InstantSource clock) {
		this.schedule = schedule;
		this.feedPoller = feedPoller;
		this.worker = worker;
		this.maxInterval = maxInterval;
		this.clock = clock;
	}

	/**
	 * Hands the group back.
	 *
	 * @return feeds polled and handed back
	 */
	int hand(List<Finished> group) {
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
										? this.clock.instant().plus(this.maxInterval)
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
			return polled.size();
		} catch (RuntimeException ex) {
			// Typically Redis unreachable: the leases expire and the feeds are polled
			// again.
			log.warn("Handing back {} feed(s) by worker {} failed; they return to the schedule when their lease "
					+ "expires: {}", group.size(), this.worker, PollCycle.describe(ex));
			return 0;
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
					this.worker, PollCycle.describe(ex));
			return false;
		}
	}

}
