package io.newsstand.aggregator;

import java.util.List;

/**
 * A page of search results.
 *
 * @param hits
 *            the hits of the requested page, best first
 * @param totalHits
 *            how many articles match (exact up to 1,000, then a lower bound)
 * @param indexReady
 *            false while this node's index is still being built: the results
 *            may be incomplete
 */
public record SearchResults(List<SearchHit> hits, long totalHits, boolean indexReady) {

	public SearchResults {
		hits = List.copyOf(hits);
	}

	/** No results, for example for a query without words. */
	public static SearchResults empty(boolean indexReady) {
		return new SearchResults(List.of(), 0, indexReady);
	}

}
