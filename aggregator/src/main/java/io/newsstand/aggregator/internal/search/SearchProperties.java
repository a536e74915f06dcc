package io.newsstand.aggregator.internal.search;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Search settings ({@code newsstand.search.*}, see docs/configuration.md).
 *
 * @param enabled
 *            whether this node keeps an index and answers searches
 * @param indexDir
 *            the directory of this node's index
 * @param feedRetention
 *            how long the search feed stream keeps entries; a node whose index
 *            is older than this rebuilds it
 * @param commitInterval
 *            how often applied feed entries are committed to disk at most
 * @param refreshInterval
 *            how stale a search may be while articles are being indexed
 * @param recencyHalfLife
 *            the age at which an article's recency boost has halved
 * @param recencyWeight
 *            the boost of a brand-new article over an old one of equal
 *            relevance (1 doubles its score)
 * @param maxBodyChars
 *            the body text indexed per article
 */
@ConfigurationProperties("newsstand.search")
record SearchProperties(@DefaultValue("true") boolean enabled, @DefaultValue("./data/search") Path indexDir,
		@DefaultValue("7d") Duration feedRetention, @DefaultValue("5s") Duration commitInterval,
		@DefaultValue("1s") Duration refreshInterval, @DefaultValue("48h") Duration recencyHalfLife,
		@DefaultValue("1.0") double recencyWeight, @DefaultValue("100000") int maxBodyChars) {

	SearchProperties {
		require(!feedRetention.isNegative() && !feedRetention.isZero(), "feed-retention", "positive");
		require(!commitInterval.isNegative(), "commit-interval", "zero or more");
		require(!refreshInterval.isNegative(), "refresh-interval", "zero or more");
		require(recencyHalfLife.toSeconds() > 0, "recency-half-life", "positive");
		require(recencyWeight >= 0, "recency-weight", "zero or more");
		require(maxBodyChars >= 0, "max-body-chars", "zero or more");
	}

	/**
	 * The defaults with another index directory, for code that runs without Spring;
	 * bound like the application binds them, so the defaults stay in the
	 * annotations above.
	 */
	static SearchProperties defaults(Path indexDir) {
		var settings = new MapConfigurationPropertySource(Map.of("newsstand.search.index-dir", indexDir.toString()));
		return new Binder(settings).bindOrCreate("newsstand.search", SearchProperties.class);
	}

	private static void require(boolean valid, String property, String expected) {
		if (!valid) {
			throw new IllegalArgumentException("newsstand.search." + property + " must be " + expected);
		}
	}

}
