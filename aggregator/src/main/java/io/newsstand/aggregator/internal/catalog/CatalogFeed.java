package io.newsstand.aggregator.internal.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * A feed of a catalog publisher.
 *
 * @param id
 *            stable id: the publisher id and a hash of the catalog URL, so
 *            reordering the catalog or a permanent redirect keeps the id
 * @param publisherId
 *            owner
 * @param url
 *            URL as written in the catalog ({@value #SELF} stands for the app's
 *            own base URL)
 * @param section
 *            section, if any
 * @param minInterval
 *            per-feed override of the shortest poll interval
 * @param maxInterval
 *            per-feed override of the longest poll interval
 */
public record CatalogFeed(String id, String publisherId, String url, @Nullable String section,
		@Nullable Duration minInterval, @Nullable Duration maxInterval) {

	/** Placeholder for the running app's own base URL (demo feeds). */
	public static final String SELF = "{self}";

	public static String idFor(String publisherId, String url) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
			return publisherId + "-" + HexFormat.of().formatHex(digest, 0, 4);
		} catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public boolean servedBySelf() {
		return this.url.startsWith(SELF);
	}

}
