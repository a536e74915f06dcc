package io.newsstand.aggregator.internal.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.StoryClusters;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assigns the story clusters that were never assigned. Assignment runs after an
 * article is stored, from a queue in the node's memory
 * ({@link DiscoveryEvents}): a node that stops, or a queue that overflows,
 * leaves recent articles without a cluster until they change. This looks at the
 * articles published within {@code lookBack} (at most {@code max}), asks the
 * clusters which of them they have no record of (one round trip), and assigns
 * those. Assigning twice changes nothing, so nodes running it at once do no
 * harm.
 */
final class ClusterCatchUp {

	private static final Logger log = LoggerFactory.getLogger(ClusterCatchUp.class);

	private final ArticleReads articles;

	private final StoryClusters clusters;

	private final InstantSource clock;

	private final Duration lookBack;

	private final int max;

	private final Counter assigned;

	private final Counter failures;

	ClusterCatchUp(ArticleReads articles, StoryClusters clusters, InstantSource clock, Duration lookBack, int max,
			MeterRegistry registry) {
		this.articles = articles;
		this.clusters = clusters;
		this.clock = clock;
		this.lookBack = lookBack;
		this.max = max;
		this.assigned = registry.counter("newsstand.discovery.catch-up");
		this.failures = registry.counter("newsstand.discovery.failures", "operation", "cluster-assign");
	}

	/** @return articles assigned now */
	int run() {
		List<String> recent = this.articles.publishedSince(this.clock.instant().minus(this.lookBack), this.max);
		List<String> unassigned = this.clusters.unassigned(recent);
		int done = 0;
		for (String id : unassigned) {
			try {
				Optional<Article> article = this.articles.find(id);
				if (article.isPresent()) {
					this.clusters.assign(DiscoveryEvents.storyArticle(article.get()));
					done++;
				}
			} catch (RuntimeException ex) {
				this.failures.increment();
				log.warn("Story cluster catch-up of article {} failed (next try at the next run): {}", id,
						ex.toString());
			}
		}
		if (done > 0) {
			log.info("Story cluster catch-up: assigned {} recent article(s) that had none", done);
			this.assigned.increment(done);
		}
		return done;
	}

}
