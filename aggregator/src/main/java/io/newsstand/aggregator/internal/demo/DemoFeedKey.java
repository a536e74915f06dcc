package io.newsstand.aggregator.internal.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret of this start of the app that the demo feeds answer to. The demo
 * feeds carry whole bodies (the paywalled text of the demo publishers), so only
 * the app's own poller may read them: it reaches them at
 * {@code /demo/feeds/<key>/<publisher>/<section>.xml}, the key being made at
 * start and kept only in memory; any other path under {@code /demo/feeds}
 * answers 404 (docs/catalog.md says why a key rather than a second listener).
 */
public final class DemoFeedKey {

	static final String FEEDS = "/demo/feeds/";

	private final String value;

	public DemoFeedKey() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		this.value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The key itself, for tests that fetch a demo feed as the poller does. */
	public String value() {
		return this.value;
	}

	/**
	 * The path the poller fetches for a path of the catalog ({@code /demo/feeds/…}
	 * gets the key; any other path is left as it is).
	 */
	public String pathFor(String catalogPath) {
		return catalogPath.startsWith(FEEDS)
				? FEEDS + this.value + "/" + catalogPath.substring(FEEDS.length())
				: catalogPath;
	}

	/** Whether a request's key is this start's key (in constant time). */
	boolean matches(String candidate) {
		return MessageDigest.isEqual(this.value.getBytes(StandardCharsets.UTF_8),
				candidate.getBytes(StandardCharsets.UTF_8));
	}

}
