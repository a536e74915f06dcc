package io.newsstand.aggregator.internal.poll;

import java.util.Locale;

/**
 * What one poll of a feed came to; its {@link #tag()} names it in the
 * {@code newsstand.feed.polls} meter.
 */
enum PollOutcome {

	/** A 200 whose items were parsed (new or changed ones stored). */
	FETCHED,
	/** A 304: the publisher says nothing changed. */
	NOT_MODIFIED,
	/** A 200 with the body of the last poll: nothing parsed. */
	UNCHANGED,
	/** A 429 or 503 with a wait: the next poll honours it. */
	RATE_LIMITED,
	/** A 410: the feed is disabled until an operator enables it again. */
	GONE,
	/** Any other failure: counted, backed off. */
	FAILED;

	/** The meter's tag: {@code not-modified}. */
	public String tag() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
