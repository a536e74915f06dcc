package io.newsstand.web.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of results.
 *
 * @param items
 *            the results, best first (relevance and recency)
 * @param nextCursor
 *            the cursor of the next page, null on the last
 * @param page
 *            this page's number, from 1
 * @param totalHits
 *            how many articles match (exact up to 1,000)
 * @param indexReady
 *            false while this node's index is still being built
 */
public record SearchPage(List<SearchItem> items, @Nullable String nextCursor, int page, long totalHits,
		boolean indexReady) {

	public boolean hasNext() {
		return this.nextCursor != null;
	}

}
