package io.newsstand.aggregator.internal.cluster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Story clustering settings ({@code newsstand.discovery.clusters.*}, see
 * docs/configuration.md). The defaults are the values measured in
 * docs/discovery.md.
 *
 * @param window
 *            how far apart in publish time two versions of one story may be
 * @param threshold
 *            the feature similarity (Jaccard) at or above which two articles
 *            tell the same story
 * @param bands
 *            LSH bands
 * @param rows
 *            MinHash values per band
 * @param retention
 *            how long an article's cluster link is kept (the article store's
 *            retention)
 * @param leadChars
 *            how much of the summary or lead is compared
 * @param candidatesPerBucket
 *            the newest articles read from one bucket, a bound on the work of a
 *            very common bucket
 */
@ConfigurationProperties("newsstand.discovery.clusters")
record ClusterProperties(@DefaultValue("72h") Duration window, @DefaultValue("0.3") double threshold,
		@DefaultValue("32") int bands, @DefaultValue("2") int rows, @DefaultValue("30d") Duration retention,
		@DefaultValue("400") int leadChars, @DefaultValue("10") int candidatesPerBucket) {

	ClusterProperties {
		require(window.toSeconds() >= 60, "window", "at least 1m");
		require(threshold > 0 && threshold <= 1, "threshold", "between 0 (exclusive) and 1");
		require(bands >= 1 && rows >= 1 && bands * rows <= 1024, "bands",
				"bands and rows positive, bands x rows <= 1024");
		require(retention.compareTo(window) >= 0, "retention", "at least the window");
		require(leadChars >= 0, "lead-chars", "zero or more");
		require(candidatesPerBucket >= 1, "candidates-per-bucket", "at least 1");
	}

	/**
	 * The defaults, for code that runs without Spring (tests, benchmarks); bound
	 * like the application binds them, so the defaults stay in the annotations
	 * above.
	 */
	static ClusterProperties defaults() {
		return new Binder().bindOrCreate("newsstand.discovery.clusters", ClusterProperties.class);
	}

	private static void require(boolean valid, String property, String expected) {
		if (!valid) {
			throw new IllegalArgumentException("newsstand.discovery.clusters." + property + " must be " + expected);
		}
	}

}
