package io.newsstand.aggregator.internal.parse;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where parsed items came from, for normalising: the publisher's catalog data,
 * the feed's section and URL, and the time of the poll (the first-seen time of
 * undated items).
 */
public record FeedContext(String publisherId, String publisherName, String region, String language, boolean free,
		@Nullable String section, String feedUrl, Instant now) {
}
