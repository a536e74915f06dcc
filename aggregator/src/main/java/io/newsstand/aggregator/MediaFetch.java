package io.newsstand.aggregator;

import org.jspecify.annotations.Nullable;

/** What fetching one publisher resource came to ({@link RemoteMedia}). */
public sealed interface MediaFetch {

	/** A 2xx with a body within the cap. */
	record Fetched(byte[] body, @Nullable String contentType) implements MediaFetch {
	}

	/**
	 * The URL, or a redirect on the way, points into the private network (or is not
	 * http/https).
	 */
	record Refused(String reason) implements MediaFetch {
	}

	/** No complete answer within the request timeout. */
	record TimedOut(String reason) implements MediaFetch {
	}

	/** The body is larger than the cap. */
	record TooLarge(String reason) implements MediaFetch {
	}

	/**
	 * Anything else: an error status, a network failure, too many redirects, an
	 * empty body.
	 */
	record Failed(int status, String reason) implements MediaFetch {
	}

}
