package io.newsstand.aggregator.internal.store;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the poller remembers about one feed between polls.
 *
 * @param url
 *            the URL to poll (a 301/308 replaces the catalog URL)
 * @param etag
 *            validator exactly as last received
 * @param lastModified
 *            validator exactly as last received
 * @param bodyHash
 *            SHA-256 of the last parsed body (an identical 200 skips parsing)
 * @param interval
 *            the feed's current rhythm (before jitter and floors)
 */
public record FeedState(String feedId, @Nullable String url, @Nullable String etag, @Nullable String lastModified,
		@Nullable String bodyHash, int lastStatus, @Nullable String lastError, @Nullable String lastErrorKind,
		int consecutiveErrors, @Nullable Instant lastPoll, @Nullable Instant lastSuccess, @Nullable Instant nextPoll,
		int items, @Nullable Duration interval, boolean disabled) {

	public static FeedState fresh(String feedId) {
		return new FeedState(feedId, null, null, null, null, 0, null, null, 0, null, null, null, 0, null, false);
	}

}
