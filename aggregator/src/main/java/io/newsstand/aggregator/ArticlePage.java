package io.newsstand.aggregator;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of article teasers, newest first.
 *
 * @param items
 *            the teasers
 * @param nextCursor
 *            pass as {@link ArticleQuery#cursor()} for the next page;
 *            {@code null} on the last page
 */
public record ArticlePage(List<ArticleSummary> items, @Nullable String nextCursor) {
}
