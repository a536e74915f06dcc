package io.newsstand.aggregator;

import java.net.URI;

/**
 * Fetches one publisher resource (a lead image) the way feeds are fetched: the
 * same private-network guard on every hop, redirect limit, per-host limit,
 * timeouts and body cap ({@code newsstand.aggregator.*}). For the web module's
 * image proxy, which must never become a way into the private network.
 */
public interface RemoteMedia {

	/**
	 * @param url
	 *            absolute http(s) URL
	 * @param accept
	 *            the {@code Accept} header to send
	 * @return what came of it; never throws for a network or publisher failure
	 */
	MediaFetch fetch(URI url, String accept);

}
