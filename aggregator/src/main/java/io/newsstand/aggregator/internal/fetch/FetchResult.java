package io.newsstand.aggregator.internal.fetch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What one conditional GET of a feed came to. Expected outcomes are values; no
 * exception leaves the fetcher.
 */
public sealed interface FetchResult {

	/**
	 * The URL a chain of permanent redirects (301/308 only) ends at, to store as
	 * the feed's new URL; {@code null} when the URL stays.
	 */
	default @Nullable URI permanentUrl() {
		return null;
	}

	/** A 2xx with a body (already decompressed and within the cap). */
	record Fetched(int status, byte[] body, @Nullable String contentType, @Nullable String etag,
			@Nullable String lastModified, @Nullable Duration maxAge,
			@Nullable URI permanentUrl) implements FetchResult {
	}

	/** 304: the validators are refreshed from the response when it sends any. */
	record NotModified(@Nullable String etag, @Nullable String lastModified, @Nullable Duration maxAge,
			@Nullable URI permanentUrl) implements FetchResult {
	}

	/** 429 or 503; {@code retryAt} from {@code Retry-After} when present. */
	record RateLimited(int status, @Nullable Instant retryAt) implements FetchResult {
	}

	/** 410: the publisher removed the feed for good. */
	record Gone() implements FetchResult {
	}

	/** Anything else that went wrong, by kind. */
	record Failed(FailureKind kind, int status, String message) implements FetchResult {
	}

	/** Why a fetch failed, as counted in metrics. */
	enum FailureKind {
		NETWORK, TIMEOUT, HTTP_STATUS, TOO_LARGE, BLOCKED_ADDRESS, TOO_MANY_REDIRECTS, EMPTY, NOT_A_FEED, PARSE;

		public String tag() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
	}

}
