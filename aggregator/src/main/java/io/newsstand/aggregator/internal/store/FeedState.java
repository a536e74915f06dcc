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
		return builder(feedId).build();
	}

	/** A state built by name: a fresh feed's zeros and nulls until set. */
	public static Builder builder(String feedId) {
		return new Builder(feedId);
	}

	/** A builder holding this state, to change a few components by name. */
	public Builder toBuilder() {
		return builder(this.feedId).url(this.url).etag(this.etag).lastModified(this.lastModified)
				.bodyHash(this.bodyHash).lastStatus(this.lastStatus).lastError(this.lastError)
				.lastErrorKind(this.lastErrorKind).consecutiveErrors(this.consecutiveErrors).lastPoll(this.lastPoll)
				.lastSuccess(this.lastSuccess).nextPoll(this.nextPoll).items(this.items).interval(this.interval)
				.disabled(this.disabled);
	}

	/**
	 * After a poll the publisher answered: the answer's validators and body hash,
	 * no error, polled and succeeded {@code now}.
	 */
	public FeedState answered(@Nullable String url, @Nullable String etag, @Nullable String lastModified,
			@Nullable String bodyHash, int status, Instant now, Instant next, int items, Duration interval) {
		return builder(this.feedId).url(url).etag(etag).lastModified(lastModified).bodyHash(bodyHash).lastStatus(status)
				.lastPoll(now).lastSuccess(now).nextPoll(next).items(items).interval(interval).build();
	}

	/**
	 * After a poll that failed: validators, body hash, items and the last success
	 * kept; the error and its count recorded; disabled when the publisher removed
	 * the feed.
	 */
	public FeedState failed(@Nullable String url, int status, String error, String errorKind, int consecutiveErrors,
			Instant now, @Nullable Instant next, @Nullable Duration interval, boolean disabled) {
		return toBuilder().url(url).lastStatus(status).lastError(error).lastErrorKind(errorKind)
				.consecutiveErrors(consecutiveErrors).lastPoll(now).nextPoll(next).interval(interval).disabled(disabled)
				.build();
	}

	/** The same state at another URL (after a permanent redirect). */
	public FeedState withUrl(@Nullable String url) {
		return toBuilder().url(url).build();
	}

	/**
	 * Enabled again by an operator: not disabled, no next poll until the schedule
	 * says; status, error and counts stay as history until the next poll.
	 */
	public FeedState enabled() {
		return toBuilder().nextPoll(null).disabled(false).build();
	}

	/** Builds a {@link FeedState} by component name rather than by position. */
	public static final class Builder {

		private final String feedId;

		private @Nullable String url;

		private @Nullable String etag;

		private @Nullable String lastModified;

		private @Nullable String bodyHash;

		private int lastStatus;

		private @Nullable String lastError;

		private @Nullable String lastErrorKind;

		private int consecutiveErrors;

		private @Nullable Instant lastPoll;

		private @Nullable Instant lastSuccess;

		private @Nullable Instant nextPoll;

		private int items;

		private @Nullable Duration interval;

		private boolean disabled;

		private Builder(String feedId) {
			this.feedId = feedId;
		}

		public Builder url(@Nullable String url) {
			this.url = url;
			return this;
		}

		public Builder etag(@Nullable String etag) {
			this.etag = etag;
			return this;
		}

		public Builder lastModified(@Nullable String lastModified) {
			this.lastModified = lastModified;
			return this;
		}

		public Builder bodyHash(@Nullable String bodyHash) {
			this.bodyHash = bodyHash;
			return this;
		}

		public Builder lastStatus(int lastStatus) {
			this.lastStatus = lastStatus;
			return this;
		}

		public Builder lastError(@Nullable String lastError) {
			this.lastError = lastError;
			return this;
		}

		public Builder lastErrorKind(@Nullable String lastErrorKind) {
			this.lastErrorKind = lastErrorKind;
			return this;
		}

		public Builder consecutiveErrors(int consecutiveErrors) {
			this.consecutiveErrors = consecutiveErrors;
			return this;
		}

		public Builder lastPoll(@Nullable Instant lastPoll) {
			this.lastPoll = lastPoll;
			return this;
		}

		public Builder lastSuccess(@Nullable Instant lastSuccess) {
			this.lastSuccess = lastSuccess;
			return this;
		}

		public Builder nextPoll(@Nullable Instant nextPoll) {
			this.nextPoll = nextPoll;
			return this;
		}

		public Builder items(int items) {
			this.items = items;
			return this;
		}

		public Builder interval(@Nullable Duration interval) {
			this.interval = interval;
			return this;
		}

		public Builder disabled(boolean disabled) {
			this.disabled = disabled;
			return this;
		}

		public FeedState build() {
			return new FeedState(this.feedId, this.url, this.etag, this.lastModified, this.bodyHash, this.lastStatus,
					this.lastError, this.lastErrorKind, this.consecutiveErrors, this.lastPoll, this.lastSuccess,
					this.nextPoll, this.items, this.interval, this.disabled);
		}

	}

}
