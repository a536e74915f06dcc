package io.newsstand.web.images;

import io.newsstand.aggregator.MediaFetch;
import io.newsstand.aggregator.RemoteMedia;
import io.newsstand.web.images.ImageResizer.Outcome;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Answers one signed image link: from this node's cache, or fetched through the
 * aggregator's guarded fetcher, checked, resized and cached. At most
 * {@code max-concurrent} resizes run at once, so a burst of new images cannot
 * take the node's memory or CPU.
 */
@Service
class ImageProxy {

	private static final Logger log = LoggerFactory.getLogger(ImageProxy.class);

	static final String ACCEPT = "image/jpeg, image/png, image/gif, image/webp;q=0.9";

	/** What one link came to. */
	sealed interface Answer {

		record Image(ImageCache.Entry entry) implements Answer {
		}

		/** Refused, with the HTTP status to answer and why. */
		record Refusal(int status, String reason) implements Answer {
		}

	}

	private final ImageLinks links;

	private final RemoteMedia remote;

	private final ImageCache cache;

	private final ImageResizer resizer;

	private final Semaphore resizes;

	/**
	 * Links refused for what the publisher sent or where it points (403, 502), by
	 * cache key, with when the refusal expires (nanoTime): a broken picture on a
	 * busy page costs its publisher one request per {@link #REMEMBER_REFUSALS}, not
	 * one per reader.
	 */
	private final Map<String, Remembered> refused = new ConcurrentHashMap<>();

	private record Remembered(int status, long until) {
	}

	static final Duration REMEMBER_REFUSALS = Duration.ofMinutes(10);

	private static final int MAX_REFUSALS = 10_000;

	@Autowired
	ImageProxy(ImageLinks links, RemoteMedia remote, ImageProperties properties, InstantSource clock) {
		this(links, remote, new ImageCache(properties.cacheDir(), properties.cacheMaxSize().toBytes(), clock),
				new ImageResizer(properties.maxPixels(), properties.maxDecodedPixels(), properties.jpegQuality()),
				properties.maxConcurrent());
	}

	ImageProxy(ImageLinks links, RemoteMedia remote, ImageCache cache, ImageResizer resizer, int maxConcurrent) {
		this.links = links;
		this.remote = remote;
		this.cache = cache;
		this.resizer = resizer;
		this.resizes = new Semaphore(maxConcurrent);
	}

	Answer answer(String signature, String width, String encodedUrl) {
		int pixels;
		try {
			pixels = Integer.parseInt(width);
		} catch (NumberFormatException ex) {
			return new Answer.Refusal(403, "bad signature");
		}
		String url = this.links.verify(signature, pixels, encodedUrl);
		if (url == null) {
			return new Answer.Refusal(403, "bad signature");
		}
		String key = ImageCache.key(url, pixels);
		Optional<ImageCache.Entry> cached = this.cache.get(key);
		if (cached.isPresent()) {
			return new Answer.Image(cached.get());
		}
		Remembered remembered = this.refused.get(key);
		if (remembered != null && remembered.until() - System.nanoTime() > 0) {
			return new Answer.Refusal(remembered.status(), "refused a few minutes ago");
		}
		URI uri;
		try {
			uri = new URI(url);
		} catch (URISyntaxException ex) {
			return new Answer.Refusal(502, "not a URL: " + ex.getMessage());
		}
		Answer answer = switch (this.remote.fetch(uri, ACCEPT)) {
			case MediaFetch.Fetched fetched -> resize(key, fetched.body(), pixels);
			case MediaFetch.Refused refused -> new Answer.Refusal(403, refused.reason());
			case MediaFetch.TimedOut timedOut -> new Answer.Refusal(504, timedOut.reason());
			case MediaFetch.TooLarge tooLarge -> new Answer.Refusal(502, tooLarge.reason());
			case MediaFetch.Failed failed -> new Answer.Refusal(502, failed.reason());
		};
		if (answer instanceof Answer.Refusal refusal) {
			log.warn("Image proxy: {} for {} ({}px): {}", refusal.status(), url, pixels, refusal.reason());
			if (refusal.status() == 403 || refusal.status() == 502) {
				if (this.refused.size() >= MAX_REFUSALS) {
					this.refused.clear(); // crude, but bounded; refusals are cheap to relearn
				}
				this.refused.put(key,
						new Remembered(refusal.status(), System.nanoTime() + REMEMBER_REFUSALS.toNanos()));
			}
		}
		return answer;
	}

	private Answer resize(String key, byte[] source, int width) {
		try {
			if (!this.resizes.tryAcquire(5, TimeUnit.SECONDS)) {
				return new Answer.Refusal(503, "too many images being resized; try again");
			}
		} catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer.Refusal(503, "interrupted");
		}
		try {
			return switch (this.resizer.resize(source, width)) {
				case Outcome.Resized resized ->
					new Answer.Image(this.cache.put(key, resized.bytes(), resized.contentType()));
				case Outcome.Rejected rejected -> new Answer.Refusal(502, rejected.reason());
			};
		} finally {
			this.resizes.release();
		}
	}

}
