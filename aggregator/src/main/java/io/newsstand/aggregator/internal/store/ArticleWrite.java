package io.newsstand.aggregator.internal.store;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.internal.parse.NormalizedArticle;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The write one incoming article needs: a new article, or an update of the
 * stored one, which an undated item makes without losing the time it was first
 * seen.
 */
record ArticleWrite(NormalizedArticle normalized, boolean update, @Nullable String storedPublishedAt) {

	/**
	 * The write an article needs, given its stored hash and publication time (both
	 * {@code null} when it is not stored); {@code null} when it is stored
	 * unchanged.
	 */
	static @Nullable ArticleWrite of(NormalizedArticle article, List<String> existing) {
		if (existing.get(0) == null) {
			return new ArticleWrite(article, false, null);
		}
		if (existing.get(0).equals(article.contentHash())) {
			return null;
		}
		return new ArticleWrite(article, true, existing.get(1));
	}

	/** The article as it is written. */
	Article article() {
		Article article = this.normalized.article();
		if (this.update && !this.normalized.dated() && this.storedPublishedAt != null) {
			// An undated item keeps the time it was first seen.
			Instant firstSeen = Instant.ofEpochMilli(Long.parseLong(this.storedPublishedAt));
			return new Article(article.id(), article.title(), article.url(), article.publisherId(),
					article.publisherName(), article.section(), article.region(), article.author(), firstSeen,
					article.updatedAt().isBefore(firstSeen) ? firstSeen : article.updatedAt(), article.summary(),
					article.body(), article.image(), article.categories(), article.language(), article.wordCount(),
					article.readingMinutes(), article.free());
		}
		return article;
	}

}
