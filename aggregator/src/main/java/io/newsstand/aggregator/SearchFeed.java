package io.newsstand.aggregator;

/**
 * Tells every node's search index that an article changed: the article store
 * calls it after an article is fully written or removed. It appends to a Redis
 * Stream that each node follows.
 */
public interface SearchFeed {

	/** An article was stored for the first time or updated. */
	void articleStored(String articleId);

	/** An article was removed (retention). */
	void articleRemoved(String articleId);

}
