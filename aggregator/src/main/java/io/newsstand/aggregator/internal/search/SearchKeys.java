package io.newsstand.aggregator.internal.search;

/** The Redis key of search (see docs/redis.md). */
final class SearchKeys {

	/**
	 * Stream of article changes, fields {@code id} and {@code op} ({@code upsert}
	 * or {@code delete}); one key, so Cluster-safe as it stands.
	 */
	static final String FEED = "newsstand:search:feed";

	private SearchKeys() {
	}

}
