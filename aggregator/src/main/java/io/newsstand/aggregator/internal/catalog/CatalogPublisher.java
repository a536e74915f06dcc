package io.newsstand.aggregator.internal.catalog;

import io.newsstand.aggregator.Publisher;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A publisher entry of the catalog with its feeds.
 */
public record CatalogPublisher(String id, String name, String homepage, @Nullable String logo, String region,
		String language, boolean free, List<CatalogFeed> feeds) {

	public CatalogPublisher {
		feeds = List.copyOf(feeds);
	}

	public Publisher toPublisher() {
		List<String> sections = this.feeds.stream().map(CatalogFeed::section).filter(Objects::nonNull).distinct()
				.toList();
		return new Publisher(this.id, this.name, this.homepage, this.logo, this.region, this.language, this.free,
				sections);
	}

}
