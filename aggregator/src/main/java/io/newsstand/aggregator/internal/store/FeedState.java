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

	/**
	 * After a poll the publisher answered: the answer's validators and body hash,
	 * no error, polled and succeeded {@code now}.
	 */
	public FeedState answered(@Nullable String url, @Nullable String etag, @Nullable String lastModified,
			@Nullable String bodyHash, int status, Instant now, Instant next, int items, Duration interval) {
		return new FeedState(this.feedId, url, etag, lastModified, bodyHash, status, null, null, 0, now, now, next,
				items, interval, false);
	}

	/**
	 * After a poll that failed: validators, body hash, items and the last success
	 * kept; the error and its count recorded; disabled when the publisher removed
	 * the feed.
	 */
	public FeedState failed(@Nullable String url, int status, String error, String errorKind, int consecutiveErrors,
			Instant now, @Nullable Instant next, @Nullable Duration interval, boolean disabled) {
		return new FeedState(this.feedId, url, this.etag, this.lastModified, this.bodyHash, status, error, errorKind,
				consecutiveErrors, now, this.lastSuccess, next, this.items, interval, disabled);
	}

	/** The same state at another URL (after a permanent redirect). */
	public FeedState withUrl(@Nullable String url) {
		return new FeedState(this.feedId, url, this.etag, this.lastModified, this.bodyHash, this.lastStatus,
				this.lastError, this.lastErrorKind, this.consecutiveErrors, this.lastPoll, this.lastSuccess,
				this.nextPoll, this.items, this.interval, this.disabled);
	}

	/**
	 * Enabled again by an operator: not disabled, no next poll until the schedule
	 * says; status, error and counts stay as history until the next poll.
	 */
	public FeedState enabled() {
		return new FeedState(this.feedId, this.url, this.etag, this.lastModified, this.bodyHash, this.lastStatus,
				this.lastError, this.lastErrorKind, this.consecutiveErrors, this.lastPoll, this.lastSuccess, null,
				this.items, this.interval, false);
	}

}
