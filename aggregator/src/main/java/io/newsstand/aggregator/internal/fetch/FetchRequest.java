package io.newsstand.aggregator.internal.fetch;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * A conditional GET of one feed, with the validators stored from its last
 * response (sent back exactly as received); {@code accept} replaces the feed
 * types in the {@code Accept} header (images).
 */
public record FetchRequest(String feedId, URI url, @Nullable String etag, @Nullable String lastModified,
		@Nullable String accept) {

	public FetchRequest(String feedId, URI url, @Nullable String etag, @Nullable String lastModified) {
		this(feedId, url, etag, lastModified, null);
	}

}
