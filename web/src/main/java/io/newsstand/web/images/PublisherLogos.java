package io.newsstand.web.images;

import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.Publisher;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Where a page finds a publisher's logo, by publisher id (cards carry only the
 * id): the catalog's {@code logo:}, as a same-origin address. A logo the app
 * serves itself (a path such as {@code /demo/logos/<id>.svg}) is used as it is;
 * a publisher's absolute http(s) logo goes through the image proxy like any
 * picture (raster only: the proxy refuses SVG from publishers).
 */
@Component
public class PublisherLogos {

	/** Logos are shown small; the narrowest proxied width is plenty. */
	static final int WIDTH = 320;

	private final Map<String, Publisher> publishers;

	private final ImageLinks links;

	PublisherLogos(Articles articles, ImageLinks links) {
		// The catalog is fixed for the life of the app.
		this.publishers = articles.publishers().stream()
				.collect(Collectors.toUnmodifiableMap(Publisher::id, Function.identity(), (a, b) -> a));
		this.links = links;
	}

	/**
	 * @return the logo's same-origin address, or {@code null} when the catalog
	 *         names none for this publisher
	 */
	public @Nullable String src(String publisherId) {
		Publisher publisher = this.publishers.get(publisherId);
		return publisher == null ? null : src(publisher);
	}

	/**
	 * @return the logo's same-origin address, or {@code null} when the catalog
	 *         names none
	 */
	public @Nullable String src(Publisher publisher) {
		String logo = publisher.logo();
		if (logo == null || logo.isBlank()) {
			return null;
		}
		if (logo.startsWith("/") && !logo.startsWith("//")) {
			return logo;
		}
		return this.links.src(logo, WIDTH);
	}

}
