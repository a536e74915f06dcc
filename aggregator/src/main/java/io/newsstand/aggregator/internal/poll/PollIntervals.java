package io.newsstand.aggregator.internal.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * When to poll a feed next: its publishing rhythm (about 7 days divided by the
 * items it published in the last 7 days), never sooner than its RSS
 * {@code <ttl>} or {@code Cache-Control: max-age}, clamped to [min, max], with
 * +/-10% jitter so feeds do not poll in lockstep. Errors back off exponentially
 * from the default interval, also with jitter.
 * <p>
 * Called from many feeds' threads at once, so its random generator must be safe
 * to share ({@link java.util.Random} is).
 */
final class PollIntervals {

	static final Duration WINDOW = Duration.ofDays(7);

	private final Duration min;

	private final Duration max;

	private final Duration defaultInterval;

	private final RandomGenerator random;

	PollIntervals(Duration min, Duration max, Duration defaultInterval, RandomGenerator random) {
		this.min = min;
		this.max = max;
		this.defaultInterval = defaultInterval;
		this.random = random;
	}

	Duration defaultInterval() {
		return this.defaultInterval;
	}

	/**
	 * The feed's rhythm from its items' publication times; the default interval
	 * while fewer than two dated items are known.
	 */
	Duration rhythm(List<Instant> published, Instant now) {
		Instant since = now.minus(WINDOW);
		List<Instant> recent = published.stream().filter(at -> at.isAfter(since) && !at.isAfter(now)).sorted().toList();
		if (published.size() < 2) {
			return this.defaultInterval;
		}
		if (recent.isEmpty()) {
			return this.max;
		}
		Duration span = Duration.between(recent.get(0), now);
		if (recent.size() < 2) {
			span = WINDOW;
		}
		return span.dividedBy(recent.size());
	}

	/**
	 * The next poll time for an interval, after floors, clamps and jitter.
	 *
	 * @param floor
	 *            the feed's own minimum ({@code ttl}, {@code max-age}), if any
	 * @param feedMin
	 *            per-feed override of the minimum, if any
	 * @param feedMax
	 *            per-feed override of the maximum, if any
	 */
	Instant next(Instant now, Duration interval, @Nullable Duration floor, @Nullable Duration feedMin,
			@Nullable Duration feedMax) {
		Duration lower = feedMin != null ? feedMin : this.min;
		Duration upper = feedMax != null ? feedMax : this.max;
		Duration chosen = interval;
		if (floor != null && floor.compareTo(chosen) > 0) {
			chosen = floor;
		}
		chosen = clamp(chosen, lower, upper);
		return now.plus(jitter(chosen));
	}

	/** Growing waits after consecutive errors: default x 2^(n-1), capped. */
	Instant backoff(Instant now, int consecutiveErrors) {
		int exponent = Math.max(0, Math.min(consecutiveErrors - 1, 16));
		Duration wait = this.defaultInterval.multipliedBy(1L << exponent);
		return now.plus(jitter(clamp(wait, this.min, this.max)));
	}

	private Duration jitter(Duration interval) {
		long millis = interval.toMillis();
		long spread = millis / 10;
		return Duration.ofMillis(millis - spread + (spread == 0 ? 0 : this.random.nextLong(2 * spread + 1)));
	}

	private static Duration clamp(Duration value, Duration lower, Duration upper) {
		if (value.compareTo(lower) < 0) {
			return lower;
		}
		return value.compareTo(upper) > 0 ? upper : value;
	}

}
