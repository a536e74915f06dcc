package io.newsstand.web.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many searches (page and API together) one client may run per window: a
 * signed-in reader counts by account, anyone else by address (an IPv6 address
 * by its /64).
 *
 * @param requests
 *            searches per window; past it the answer is 429 with
 *            {@code Retry-After}
 * @param window
 *            the length of a window
 */
@ConfigurationProperties("newsstand.search.rate-limit")
record SearchRateLimitProperties(@DefaultValue("30") int requests, @DefaultValue("1m") Duration window) {

	SearchRateLimitProperties {
		if (requests < 1) {
			throw new IllegalArgumentException(
					"newsstand.search.rate-limit.requests must be 1 or more, not " + requests);
		}
		if (window.toSeconds() < 1) {
			throw new IllegalArgumentException("newsstand.search.rate-limit.window must be at least 1s, not " + window);
		}
	}

}
