package io.newsstand.web.personal;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Article teasers with their topics, cached on this node (bounded, least
 * recently used out, each entry kept for ten minutes), because the article
 * summaries the store lists carry no categories and saved, history and "For
 * you" lists show the same articles again and again.
 */
@Component
class Cards {

	private static final int MAX_ENTRIES = 20_000;

	private static final Duration KEEP = Duration.ofMinutes(10);

	private record Cached(Optional<Card> card, Instant loaded) {
	}

	private final Articles articles;

	private final Clock clock;

	private final Map<String, Cached> cache = new LinkedHashMap<>(1024, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
			return size() > MAX_ENTRIES;
		}
	};

	Cards(Articles articles, Clock clock) {
		this.articles = articles;
		this.clock = clock;
	}

	/** The card of an article, or empty when the store no longer has it. */
	Optional<Card> card(String articleId) {
		Instant now = this.clock.instant();
		synchronized (this.cache) {
			Cached entry = this.cache.get(articleId);
			if (entry != null && entry.loaded().plus(KEEP).isAfter(now)) {
				return entry.card();
			}
		}
		Optional<Card> card = this.articles.article(articleId).map(Cards::of);
		synchronized (this.cache) {
			this.cache.put(articleId, new Cached(card, now));
		}
		return card;
	}

	static Card of(Article article) {
		return new Card(article.toSummary(), Topics.of(article.categories()));
	}

}
