package io.newsstand.aggregator.internal.fetch;

import java.time.Duration;

/**
 * HTTP limits of the fetcher.
 */
public record FetchSettings(Duration connectTimeout, Duration requestTimeout, long maxBodyBytes, int maxPerHost,
		String userAgent) {

	public static final int MAX_REDIRECTS = 5;

}
