package io.newsstand.aggregator.internal.parse;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A feed as parsed, before normalising: our own model, whatever the format.
 *
 * @param format
 *            e.g. {@code rss_2.0}, {@code atom_1.0}, {@code json_1.1}
 * @param ttl
 *            the RSS {@code <ttl>}, if any
 */
public record ParsedFeed(String format, @Nullable String title, @Nullable String link, @Nullable String language,
		@Nullable Duration ttl, List<ParsedItem> items) {
}
