package io.newsstand.aggregator;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What an operator needs to know about one feed.
 *
 * @param feedId
 *            stable feed id
 * @param publisherId
 *            the publisher's catalog id
 * @param section
 *            the feed's section, if any
 * @param url
 *            the URL polled now (updated by permanent redirects)
 * @param state
 *            {@code ok}, {@code failing}, {@code disabled} or {@code new}
 * @param lastPoll
 *            time of the last poll, if any
 * @param lastStatus
 *            HTTP status of the last poll (0 when no response came)
 * @param lastError
 *            text of the last error, if the last poll failed
 * @param consecutiveErrors
 *            failed polls in a row
 * @param lastSuccess
 *            time of the last successful poll, if any
 * @param nextPoll
 *            time of the next poll, if scheduled
 * @param items
 *            items in the feed at the last successful parse
 */
public record FeedHealth(String feedId, String publisherId, @Nullable String section, String url, String state,
		@Nullable Instant lastPoll, int lastStatus, @Nullable String lastError, int consecutiveErrors,
		@Nullable Instant lastSuccess, @Nullable Instant nextPoll, int items) {
}
