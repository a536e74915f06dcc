package io.newsstand.aggregator.internal.search;

import io.newsstand.aggregator.ArticleSearchSource;
import io.newsstand.aggregator.SearchDocument;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Test articles and an in-memory article store for search. */
class Articles implements ArticleSearchSource {

	static final Instant NOW = Instant.parse("2026-03-06T12:00:00Z");

	private final Map<String, SearchDocument> articles = new ConcurrentSkipListMap<>();

	final AtomicInteger fullReads = new AtomicInteger();

	static SearchDocument article(String id, String title, String body) {
		return new SearchDocument(id, "capital-times", "Business", title, "", "", "", "<p>" + body + "</p>",
				NOW.minusSeconds(3600));
	}

	Articles put(SearchDocument article) {
		this.articles.put(article.id(), article);
		return this;
	}

	Articles remove(String id) {
		this.articles.remove(id);
		return this;
	}

	@Override
	public void forEachArticle(Consumer<SearchDocument> consumer) {
		this.fullReads.incrementAndGet();
		this.articles.values().forEach(consumer);
	}

	@Override
	public Optional<SearchDocument> find(String articleId) {
		return Optional.ofNullable(this.articles.get(articleId));
	}

}
