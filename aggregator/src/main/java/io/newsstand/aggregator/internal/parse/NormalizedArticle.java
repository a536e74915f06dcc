package io.newsstand.aggregator.internal.parse;

import io.newsstand.aggregator.Article;
import org.jspecify.annotations.Nullable;

/**
 * An article ready to store, with how it was identified.
 *
 * @param identity
 *            {@code g:<guid>}, {@code u:<canonical url>} or
 *            {@code h:<hash of title and content>}
 * @param canonicalUrl
 *            the canonical URL, if the item had a usable link
 * @param contentHash
 *            changes when the title, summary, body or image change
 * @param dated
 *            whether the feed gave a date (else publishedAt is first-seen)
 */
public record NormalizedArticle(Article article, String identity, @Nullable String canonicalUrl, String contentHash,
		boolean dated) {
}
