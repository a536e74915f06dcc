package io.newsstand.aggregator;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The articles search indexes, implemented by the article store: every stored
 * article for a rebuild, and one article when the search feed names it.
 */
public interface ArticleSearchSource {

	/** Calls the consumer once for every article currently stored. */
	void forEachArticle(Consumer<SearchDocument> consumer);

	/** The article as stored now, or empty when it is gone. */
	Optional<SearchDocument> find(String articleId);

}
