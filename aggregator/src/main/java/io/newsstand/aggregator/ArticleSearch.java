package io.newsstand.aggregator;

/**
 * Full-text search over all publishers' articles, from this node's own index.
 */
public interface ArticleSearch {

	/** Searches; never fails on what a reader types. */
	SearchResults search(SearchQuery query);

}
