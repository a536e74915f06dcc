package io.newsstand.aggregator.internal.demo;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

	private static final Pattern EARLIER = Pattern.compile("[a-z0-9-]+?-([a-z]+)-(\\d{1,2})");

	private final DemoFeedKey key;

	private final DemoPictures pictures;

	private final DemoLogos logos;

	DemoFeedController(DemoFeeds feeds, DemoFeedKey key, DemoPictures pictures, DemoLogos logos) {
		this.feeds = feeds;
		this.key = key;
		this.pictures = pictures;
		this.logos = logos;
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

	@GetMapping("/images/{name}.jpg")
	ResponseEntity<byte[]> picture(@PathVariable String name) {
		return this.pictures.jpeg(name)
				.map(jpeg -> ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
						.cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic()).body(jpeg))
				.orElseGet(() -> ResponseEntity.notFound().build());
	}

	/**
	 * The SVG pictures of earlier versions, still named by articles stored then:
	 * sent on to the section's picture.
	 */
	@GetMapping("/images/{name}.svg")
	ResponseEntity<Void> earlierPicture(@PathVariable String name) {
		Matcher matcher = EARLIER.matcher(name);
		if (!matcher.matches() || this.pictures.jpeg(matcher.group(1) + "-" + matcher.group(2)).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
				.location(URI.create("/demo/images/" + matcher.group(1) + "-" + matcher.group(2) + ".jpg")).build();
	}

	@GetMapping("/logos/{id}.svg")
	ResponseEntity<String> logo(@PathVariable String id) {
		return this.logos.svg(id)
				.map(svg -> ResponseEntity.ok().contentType(SVG)
						.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic()).body(svg))
				.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
