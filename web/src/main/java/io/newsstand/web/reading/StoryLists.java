package io.newsstand.web.reading;

import io.newsstand.aggregator.ArticleQuery;
import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.aggregator.Articles;
import io.newsstand.web.frontpage.Edition;
import io.newsstand.web.frontpage.FrontPage;
import io.newsstand.web.frontpage.HomeLists;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * "Top stories right now" (from the front page) and related stories by section,
 * kept for half a minute so that an article page does not pay for them on every
 * view.
 */
@Component
class StoryLists {

	private static final Duration KEEP = Duration.ofSeconds(30);

	private final Articles articles;

	private final Clock clock;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	private final FrontPage frontPage;

	StoryLists(Articles articles, Clock clock, FrontPage frontPage) {
		this.articles = articles;
		this.clock = clock;
		this.frontPage = frontPage;
	}

	private record Cached(List<ArticleSummary> items, Instant until) {
	}

	/** The front page's top stories (International edition), computed there. */
	List<ArticleSummary> top(int count) {
		return this.frontPage.lists(Edition.INTERNATIONAL).top().stream().map(HomeLists.TopStory::story).limit(count)
				.toList();
	}

	List<ArticleSummary> related(String articleId, @Nullable String section, String publisherId, int count) {
		List<ArticleSummary> pool = (section != null)
				? lookup("s:" + section, section, count + 1)
				: lookup("p:" + publisherId, null, count + 1);
		return pool.stream().filter(item -> !item.id().equals(articleId)).limit(count).toList();
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
