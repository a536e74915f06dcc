package io.newsstand.aggregator.internal.fetch;

import io.newsstand.aggregator.MediaFetch;
import io.newsstand.aggregator.RemoteMedia;
import java.net.URI;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@link RemoteMedia} over the feed fetcher, so images go through the very
 * guard, limits and timeouts feeds do. The app's own address is allowed for its
 * demo pictures only ({@code /demo/images/...}): a feed naming another path of
 * the app as its image gets nothing.
 */
final class FetcherRemoteMedia implements RemoteMedia {

	private final FeedFetcher fetcher;

	private final PrivateNetworkGuard guard;

	private final Supplier<@Nullable String> ownHostPort;

	/**
	 * @param ownHostPort
	 *            the app's own {@code 127.0.0.1:port} once known, where the demo
	 *            images are served
	 */
	FetcherRemoteMedia(FeedFetcher fetcher, PrivateNetworkGuard guard, Supplier<@Nullable String> ownHostPort) {
		this.fetcher = fetcher;
		this.guard = guard;
		this.ownHostPort = ownHostPort;
	}

	/**
	 * A demo picture names the loopback address and port of the node that polled
	 * its feed, which may be another node or an earlier start on another port;
	 * every node draws the same pictures, so this node's own serves.
	 */
	private static URI demoPictureHere(URI url, @Nullable String own) {
		String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
		String path = url.getRawPath() == null ? "" : url.getRawPath();
		if (own == null || !(host.equals("127.0.0.1") || host.equals("localhost")) || !path.startsWith("/demo/images/")
				|| url.getRawQuery() != null) {
			return url;
		}
		return URI.create("http://" + own + path);
	}

	@Override
	public MediaFetch fetch(URI url, String accept) {
		String own = this.ownHostPort.get();
		url = demoPictureHere(url, own);
		if (own != null && url.getHost() != null && own.equalsIgnoreCase(url.getHost() + ":" + url.getPort())) {
			String path = url.getRawPath() == null ? "" : url.getRawPath().toLowerCase(Locale.ROOT);
			if (!path.startsWith("/demo/images/") || path.contains("..") || path.contains("%2e")) {
				return new MediaFetch.Refused("only the demo's own images are fetched from the app itself: " + url);
			}
			this.guard.allow(own);
		}
		FetchResult result = this.fetcher.fetch(new FetchRequest("media", url, null, null, accept));
		return switch (result) {
			case FetchResult.Fetched fetched -> new MediaFetch.Fetched(fetched.body(), fetched.contentType());
			case FetchResult.Failed failed -> switch (failed.kind()) {
				case BLOCKED_ADDRESS -> new MediaFetch.Refused(failed.message());
				case TIMEOUT -> new MediaFetch.TimedOut(failed.message());
				case TOO_LARGE -> new MediaFetch.TooLarge(failed.message());
				default -> new MediaFetch.Failed(failed.status(), failed.message());
			};
			case FetchResult.NotModified notModified -> new MediaFetch.Failed(304, "unexpected 304");
			case FetchResult.RateLimited limited -> new MediaFetch.Failed(limited.status(), "rate limited");
			case FetchResult.Gone gone -> new MediaFetch.Failed(410, "gone");
		};
	}

}
