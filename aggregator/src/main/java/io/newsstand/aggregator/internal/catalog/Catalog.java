package io.newsstand.aggregator.internal.catalog;

import io.newsstand.aggregator.Publisher;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The publishers and feeds the aggregator polls, as loaded from a catalog file.
 *
 * @param source
 *            where it was loaded from
 * @param publishers
 *            in file order
 */
public record Catalog(String source, List<CatalogPublisher> publishers) {

	public Catalog {
		publishers = List.copyOf(publishers);
	}

	public List<CatalogFeed> feeds() {
		return this.publishers.stream().flatMap(publisher -> publisher.feeds().stream()).toList();
	}

	public Optional<CatalogPublisher> publisher(String id) {
		return this.publishers.stream().filter(publisher -> publisher.id().equals(id)).findFirst();
	}

	public Optional<CatalogFeed> feed(String feedId) {
		return feeds().stream().filter(feed -> feed.id().equals(feedId)).findFirst();
	}

	public Map<String, CatalogPublisher> publishersById() {
		return this.publishers.stream().collect(Collectors.toMap(CatalogPublisher::id, Function.identity()));
	}

	public List<Publisher> toPublishers() {
		return this.publishers.stream().map(CatalogPublisher::toPublisher).toList();
	}

}
