package io.newsstand.aggregator.internal.parse;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One feed item as parsed. Text fields may still hold HTML; links may be
 * relative.
 *
 * @param base
 *            the {@code xml:base} in scope of the item's content, if the feed
 *            gave one (may itself be relative to the feed's URL); relative URLs
 *            in the content resolve against it before the item's link
 */
public record ParsedItem(@Nullable String guid, @Nullable String link, @Nullable String title, @Nullable String author,
		@Nullable Instant published, @Nullable Instant updated, @Nullable String summaryHtml,
		@Nullable String contentHtml, List<ParsedImage> images, List<String> categories, @Nullable String base) {
}
