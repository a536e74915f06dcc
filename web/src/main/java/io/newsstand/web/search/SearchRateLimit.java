package io.newsstand.web.search;

import io.newsstand.web.limits.ClientAddress;
import io.newsstand.web.redis.WebKeys;
import io.newsstand.web.redis.WindowCounter;
import io.newsstand.web.security.Hashes;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Searches per client in fixed windows, counted with the shared
 * {@link WindowCounter#take}: a key per client and window, expiring with it.
 * Search no longer matches what a reader may not see; the limit keeps it from
 * being a cheap scraper or a load on the index.
 */
@Component
class SearchRateLimit {

	private static final Logger log = LoggerFactory.getLogger(SearchRateLimit.class);

	private final WindowCounter counters;

	private final Clock clock;

	private final SearchRateLimitProperties limits;

	SearchRateLimit(WindowCounter counters, Clock clock, SearchRateLimitProperties limits) {
		this.counters = counters;
		this.clock = clock;
		this.limits = limits;
	}

	/**
	 * Counts one search; {@code null} when it may run, else the seconds until the
	 * client may search again (for {@code Retry-After}).
	 */
	@Nullable
	Long take(@Nullable String accountId, HttpServletRequest request) {
		String client = (accountId != null) ? "a:" + accountId : "ip:" + ClientAddress.of(request);
		WindowCounter.Take take = this.counters.take(window -> key(client, window), this.limits.requests(),
				this.limits.window(), this.clock.millis());
		if (take.allowed()) {
			return null;
		}
		if (take.firstRefusal()) {
			log.info("Search rate limit reached by {} (window {})", (accountId != null) ? client : "an address",
					take.window());
		}
		return take.retryAfterSeconds();
	}

	/**
	 * String counter: searches by one client in one window. The address is kept
	 * hashed.
	 */
	static String key(String client, long window) {
		return WebKeys.searchRate(Hashes.sha256(client).substring(0, 32), window);
	}

}
