package io.newsstand.web.reading;

import io.newsstand.aggregator.ArticleQuery;
import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.aggregator.Articles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * "Top stories right now", kept for half a minute so that an article page does
 * not pay for them on every view. Related stories are {@link RelatedStories}.
 */
@Component
class StoryLists {

	private static final Duration KEEP = Duration.ofSeconds(30);

	private static final String TOP = "\u0000top";

	private final Articles articles;

	private final Clock clock;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	StoryLists(Articles articles, Clock clock) {
		this.articles = articles;
		this.clock = clock;
	}

	private record Cached(List<ArticleSummary> items, Instant until) {
	}

	List<ArticleSummary> top(int count) {
		return lookup(TOP, null, count);
	}

	private List<ArticleSummary> lookup(String key, @Nullable String section, int count) {
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(key);
		if (cached != null && now.isBefore(cached.until())) {
			return cached.items();
		}
		String publisher = key.startsWith("p:") ? key.substring(2) : null;
		List<ArticleSummary> items = this.articles
				.latest(new ArticleQuery(publisher, section, null, null, Math.max(count, 6))).items();
		if (this.cache.size() > 1000) {
			this.cache.clear();
		}
		this.cache.put(key, new Cached(items, now.plus(KEEP)));
		return items;
	}

}
