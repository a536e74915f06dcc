package io.newsstand.web.articles;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.ArticleImage;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One article as the API shows it. {@code body} is whatever
 * {@link ArticlesController#readableBody} allows this reader to see.
 */
record ArticleDetails(String id, String title, String url, String publisherId, String publisherName,
		@Nullable String section, String region, @Nullable String author, Instant publishedAt, Instant updatedAt,
		String summary, @Nullable String body, @Nullable ArticleImage image, List<String> categories, String language,
		int wordCount, int readingMinutes, boolean free) {

	static ArticleDetails of(Article article, @Nullable String body) {
		return new ArticleDetails(article.id(), article.title(), article.url(), article.publisherId(),
				article.publisherName(), article.section(), article.region(), article.author(), article.publishedAt(),
				article.updatedAt(), article.summary(), body, article.image(), article.categories(), article.language(),
				article.wordCount(), article.readingMinutes(), article.free());
	}

}
