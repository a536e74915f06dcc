package io.newsstand.web.images;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the image proxy ({@code newsstand.web.images.*}, documented in
 * docs/configuration.md and docs/images.md). Fetching itself uses the
 * aggregator's limits ({@code newsstand.aggregator.*}: timeouts, body cap,
 * private hosts).
 *
 * @param key
 *            the HMAC key that signs {@code /img/...} links; blank means one
 *            made once and shared by every node through Redis
 * @param cacheDir
 *            where resized images are kept on this node
 * @param cacheMaxSize
 *            the most the cache directory may hold; the least recently used
 *            entries go first
 * @param maxAge
 *            how long browsers may keep a resized image
 * @param maxPixels
 *            the most pixels a source image may declare; more is refused before
 *            decoding (decompression bombs)
 * @param maxDecodedPixels
 *            the most pixels decoded into memory at once; bigger sources are
 *            decoded subsampled
 * @param maxConcurrent
 *            resizes running at once on this node; more wait briefly, then get
 *            503
 * @param jpegQuality
 *            JPEG quality of the re-encoded images, 0 to 1
 */
@ConfigurationProperties("newsstand.web.images")
public record ImageProperties(@DefaultValue("") String key, @DefaultValue("./data/images") Path cacheDir,
		@DefaultValue("200MB") DataSize cacheMaxSize, @DefaultValue("30d") Duration maxAge,
		@DefaultValue("50000000") long maxPixels, @DefaultValue("8000000") long maxDecodedPixels,
		@DefaultValue("4") int maxConcurrent, @DefaultValue("0.82") float jpegQuality) {

	public ImageProperties {
		require(cacheMaxSize.toBytes() > 0, "cache-max-size", "must be positive");
		require(!maxAge.isNegative(), "max-age", "must not be negative");
		require(maxPixels > 0 && maxDecodedPixels > 0, "max-pixels", "must be positive");
		require(maxConcurrent > 0, "max-concurrent", "must be at least 1");
		require(jpegQuality > 0 && jpegQuality <= 1, "jpeg-quality", "must be in (0, 1]");
	}

	private static void require(boolean condition, String property, String problem) {
		if (!condition) {
			throw new IllegalArgumentException("newsstand.web.images." + property + " " + problem);
		}
	}

}
