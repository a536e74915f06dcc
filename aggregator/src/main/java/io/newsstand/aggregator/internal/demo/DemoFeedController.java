package io.newsstand.aggregator.internal.demo;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Serves the demo catalog's feeds (with ETag and Last-Modified, answering 304
 * to conditional GETs) to the app's own poller only ({@link DemoFeedKey}), and
 * their sample images and logos to everyone, so the real polling path runs even
 * offline.
 */
@RestController
@RequestMapping("/demo")
class DemoFeedController {

	private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");

	private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

	private final DemoFeeds feeds;

	private final DemoFeedKey key;

	DemoFeedController(DemoFeeds feeds, DemoFeedKey key) {
		this.feeds = feeds;
		this.key = key;
	}

	@GetMapping("/feeds/{key}/{publisher}/{section}.xml")
	ResponseEntity<String> feed(@PathVariable String key, @PathVariable String publisher, @PathVariable String section,
			WebRequest request) {
		if (!this.key.matches(key)) {
			// Without this start's key, the feeds do not exist: their bodies are the demo
			// publishers' paid text.
			return ResponseEntity.notFound().build();
		}
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		return this.feeds.render(publisher, section, base).map(feed -> {
			if (request.checkNotModified(feed.etag(), feed.lastModified().toEpochMilli())) {
				return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(feed.etag())
						.lastModified(feed.lastModified()).<String>build();
			}
			return ResponseEntity.ok().contentType(RSS).eTag(feed.etag()).lastModified(feed.lastModified())
					.cacheControl(CacheControl.maxAge(Duration.ofMinutes(1))).body(feed.xml());
		}).orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping({"/images/{name}.svg", "/logos/{name}.svg"})
	ResponseEntity<String> image(@PathVariable String name) {
		if (!name.matches("[a-z0-9-]{1,80}")) {
			return ResponseEntity.notFound().build();
		}
		int hue = Math.floorMod(name.hashCode(), 360);
		String svg = """
				<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">
				<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
				<stop offset="0" stop-color="hsl(%d,55%%,45%%)"/><stop offset="1" stop-color="hsl(%d,55%%,25%%)"/>
				</linearGradient></defs><rect width="1200" height="675" fill="url(#g)"/>
				<text x="600" y="350" font-family="sans-serif" font-size="56" fill="white" text-anchor="middle">Sample image</text>
				</svg>
				"""
				.formatted(hue, (hue + 40) % 360);
		return ResponseEntity.ok().contentType(SVG).cacheControl(CacheControl.maxAge(Duration.ofDays(1))).body(svg);
	}

}
