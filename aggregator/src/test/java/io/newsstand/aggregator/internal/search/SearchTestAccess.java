package io.newsstand.aggregator.internal.search;

/**
 * Lets tests of other packages wire the package-private search configuration.
 */
public final class SearchTestAccess {

	private SearchTestAccess() {
	}

	public static Class<?> configuration() {
		return SearchConfiguration.class;
	}

}
