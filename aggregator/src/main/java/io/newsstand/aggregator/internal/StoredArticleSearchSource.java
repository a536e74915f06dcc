package io.newsstand.aggregator.internal;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.ArticleSearchSource;
import io.newsstand.aggregator.PublicTeaser;
import io.newsstand.aggregator.SearchDocument;
import io.newsstand.aggregator.internal.store.ArticleReads;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The article store as search's source: every stored article for a rebuild, one
 * for a feed entry. The teaser is what the paywall shows a reader without
 * access, cut by {@code web}'s rule, so a snippet for such a reader never shows
 * more of the body.
 */
final class StoredArticleSearchSource implements ArticleSearchSource {

	private final ArticleReads articles;

	private final PublicTeaser teaser;

	StoredArticleSearchSource(ArticleReads articles, PublicTeaser teaser) {
		this.articles = articles;
		this.teaser = teaser;
	}

	@Override
	public void forEachArticle(Consumer<SearchDocument> consumer) {
		this.articles.forEachArticle(article -> consumer.accept(document(article)));
	}

	@Override
	public Optional<SearchDocument> find(String articleId) {
		return this.articles.find(articleId).map(this::document);
	}

	SearchDocument document(Article article) {
		return new SearchDocument(article.id(), article.publisherId(),
				Objects.requireNonNullElse(article.section(), ""), article.title(), article.summary(),
				Objects.requireNonNullElse(article.author(), ""), this.teaser.of(article.body()), article.body(),
				article.publishedAt());
	}

}
