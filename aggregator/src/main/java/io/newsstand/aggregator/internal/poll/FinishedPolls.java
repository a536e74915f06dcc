package io.newsstand.aggregator.internal.poll;

import io.newsstand.aggregator.internal.store.FeedState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The feeds one run of {@link PollCycle#pollDue()} has started and not yet
 * handed back, and the queue their polls finish into, taken in groups. Counted
 * and taken by the cycle's calling thread only; the polls' virtual threads only
 * add to the queue.
 */
final class FinishedPolls {

	/** How long a group of finished feeds waits for more before it is stored. */
	private static final long GROUP_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	/**
	 * How often a forming group looks for more: in steps, not woken by every
	 * finished feed.
	 */
	private static final long GROUP_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

	/** A polled feed, its state as loaded and what the poll reported. */
	record Finished(String feedId, FeedState loaded, @Nullable PollReport report) {
	}

	private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();

	private int outstanding;

	/** Feeds started and not yet taken back in a group. */
	int outstanding() {
		return this.outstanding;
	}

	/** Counts a feed whose poll is about to start. */
	void started() {
		this.outstanding++;
	}

	/** Adds a finished poll; called on the poll's own thread. */
	void add(Finished poll) {
		this.finished.add(poll);
	}

	/**
	 * The next group of finished feeds: waits for one, then up to
	 * {@link #GROUP_WAIT_NANOS} for more (fewer, larger groups: fewer round trips),
	 * until {@code size} or every outstanding feed has finished. The group is no
	 * longer outstanding.
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
					this.outstanding -= group.size();
					return group;
				}
				TimeUnit.NANOSECONDS.sleep(Math.min(left, GROUP_STEP_NANOS));
			}
		} catch (InterruptedException ex) {
			return null;
		}
	}

}
