package io.newsstand.aggregator.internal.parse;

import org.jspecify.annotations.Nullable;

/**
 * An image offered by a feed item (Media RSS, an enclosure, JSON Feed image).
 */
record ParsedImage(String url, @Nullable String caption, @Nullable String credit) {
}
