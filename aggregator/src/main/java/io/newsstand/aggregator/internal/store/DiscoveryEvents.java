package io.newsstand.aggregator.internal.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.StoryArticle;
import io.newsstand.aggregator.StoryClusters;
import io.newsstand.aggregator.internal.search.RedisSearchFeed;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisOperations;

/**
 * Feeds discovery from the article store: the search feed's entries travel in
 * the store's write pipeline; story clusters are assigned after the articles
 * are written, on the given executor, so that a poll batch (its feed states and
 * leases) never waits for clustering. A failure here is logged with the
 * article's id and counted ({@code newsstand.discovery.failures}), never
 * thrown: the article is stored either way.
 */
final class DiscoveryEvents implements ArticleEvents {

	private static final Logger log = LoggerFactory.getLogger(DiscoveryEvents.class);

	/** Enough of a body for the clusters' lead (they read 400 characters). */
	private static final int LEAD_CHARS = 1000;

	private final @Nullable StoryClusters clusters;

	private final @Nullable RedisSearchFeed feed;

	private final Executor executor;

	private final Counter assignFailures;

	private final Counter removeFailures;

	DiscoveryEvents(@Nullable StoryClusters clusters, @Nullable RedisSearchFeed feed, Executor executor,
			MeterRegistry registry) {
		this.clusters = clusters;
		this.feed = feed;
		this.executor = executor;
		this.assignFailures = registry.counter("newsstand.discovery.failures", "operation", "cluster-assign");
		this.removeFailures = registry.counter("newsstand.discovery.failures", "operation", "cluster-remove");
	}

	@Override
	public int queueStored(RedisOperations<String, String> pipeline, List<Article> articles) {
		return (this.feed == null) ? 0 : this.feed.queue(pipeline, articles.stream().map(Article::id).toList(), false);
	}

	@Override
	public int queueRemoved(RedisOperations<String, String> pipeline, Collection<String> articleIds) {
		return (this.feed == null) ? 0 : this.feed.queue(pipeline, articleIds, true);
	}

	@Override
	public void stored(List<Article> articles) {
		StoryClusters clusters = this.clusters;
		if (clusters == null) {
			return;
		}
		try {
			this.executor.execute(() -> assign(clusters, articles));
		} catch (RuntimeException ex) {
			this.assignFailures.increment(articles.size());
			log.warn("Story cluster assignment of articles {} could not start (the articles are stored): {}",
					articles.stream().map(Article::id).toList(), ex.toString());
		}
	}

	private void assign(StoryClusters clusters, List<Article> articles) {
		for (Article article : articles) {
			try {
				clusters.assign(storyArticle(article));
			} catch (RuntimeException ex) {
				this.assignFailures.increment();
				log.warn("Story cluster assignment of article {} failed (the article is stored): {}", article.id(),
						ex.toString());
			}
		}
	}

	/**
	 * Removal runs on the caller's thread: retention is hourly and not in a hurry.
	 */
	@Override
	public void removed(Collection<String> articleIds) {
		if (this.clusters == null) {
			return;
		}
		for (String id : articleIds) {
			try {
				this.clusters.remove(id);
			} catch (RuntimeException ex) {
				this.removeFailures.increment();
				log.warn("Removing article {} from its story cluster failed: {}", id, ex.toString());
			}
		}
	}

	/** The summary is the lead; without one, the body's first paragraph. */
	static StoryArticle storyArticle(Article article) {
		String lead = article.summary();
		if (lead.isBlank() && !article.body().isBlank()) {
			Element body = Jsoup.parseBodyFragment(article.body()).body();
			Element first = body.selectFirst("p");
			lead = (first != null && !first.text().isBlank()) ? first.text() : body.text();
			if (lead.length() > LEAD_CHARS) {
				lead = lead.substring(0, LEAD_CHARS);
			}
		}
		return new StoryArticle(article.id(), article.publisherId(), article.title(), lead, article.publishedAt());
	}

}
