package io.newsstand.aggregator.internal.poll;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Micrometer meters of the poller: polls by outcome, errors by kind, parse
 * time, items of changed feeds parsed or left out as unchanged, new and updated
 * articles.
 */
final class PollMetrics {

	private final MeterRegistry registry;

	private final Timer parse;

	private final Counter itemsParsed;

	private final Counter itemsLeftOut;

	/**
	 * By outcome: looked up once, not per poll (a lookup builds an id and tags).
	 */
	private final Map<String, Counter> polls = new ConcurrentHashMap<>();

	PollMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.parse = Timer.builder("newsstand.feed.parse").description("Time to parse and normalise a feed body")
				.register(registry);
		this.itemsParsed = Counter.builder("newsstand.feed.items").tag("parse", "parsed")
				.description("Items of changed feed bodies, parsed or left out as unchanged").register(registry);
		this.itemsLeftOut = Counter.builder("newsstand.feed.items").tag("parse", "left-out")
				.description("Items of changed feed bodies, parsed or left out as unchanged").register(registry);
	}

	void poll(String outcome) {
		this.polls.computeIfAbsent(outcome, key -> this.registry.counter("newsstand.feed.polls", "outcome", key))
				.increment();
	}

	void error(String kind) {
		this.registry.counter("newsstand.feed.errors", "kind", kind).increment();
	}

	void parsed(Duration duration, int items, int leftOut) {
		this.parse.record(duration);
		this.itemsParsed.increment(items - leftOut);
		this.itemsLeftOut.increment(leftOut);
	}

	void articles(int added, int updated) {
		this.registry.counter("newsstand.articles.stored", "change", "new").increment(added);
		this.registry.counter("newsstand.articles.stored", "change", "updated").increment(updated);
	}

}
