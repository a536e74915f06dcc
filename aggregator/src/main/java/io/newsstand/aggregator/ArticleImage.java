package io.newsstand.aggregator;

import org.jspecify.annotations.Nullable;

/**
 * An article's lead image.
 *
 * @param url
 *            absolute http(s) URL
 * @param caption
 *            plain-text caption, if the feed gave one
 * @param credit
 *            plain-text credit, if the feed gave one
 */
public record ArticleImage(String url, @Nullable String caption, @Nullable String credit) {
}
