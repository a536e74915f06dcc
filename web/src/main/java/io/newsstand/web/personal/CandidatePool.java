package io.newsstand.web.personal;

import io.newsstand.aggregator.ArticlePage;
import io.newsstand.aggregator.ArticleQuery;
import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.aggregator.Articles;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The latest articles "For you" ranks, overall and per publisher, section or
 * topic, kept on this node for {@code newsstand.personal.candidate-ttl}: every
 * reader ranks from the same few lists, so they are read once a minute, not
 * once per reader.
 */
@Component
class CandidatePool {

	private record Key(@Nullable String publisher, @Nullable String section, @Nullable String topic, int size) {
	}

	private record Entry(List<ArticleSummary> items, Instant loaded) {
	}

	private final Articles articles;

	private final PersonalProperties properties;

	private final Clock clock;

	private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

	CandidatePool(Articles articles, PersonalProperties properties, Clock clock) {
		this.articles = articles;
		this.properties = properties;
		this.clock = clock;
	}

	List<ArticleSummary> latest(int size) {
		return latest(new Key(null, null, null, size));
	}

	List<ArticleSummary> ofPublisher(String publisherId, int size) {
		return latest(new Key(publisherId, null, null, size));
	}

	List<ArticleSummary> ofSection(String section, int size) {
		return latest(new Key(null, section, null, size));
	}

	List<ArticleSummary> ofTopic(String topic, int size) {
		return latest(new Key(null, null, topic, size));
	}

	private List<ArticleSummary> latest(Key key) {
		Instant now = this.clock.instant();
		Entry entry = this.cache.get(key);
		if (entry != null && entry.loaded().plus(this.properties.candidateTtl()).isAfter(now)) {
			return entry.items();
		}
		List<ArticleSummary> items = new ArrayList<>();
		String cursor = null;
		do {
			int limit = Math.min(ArticleQuery.MAX_LIMIT, key.size() - items.size());
			ArticlePage page = this.articles
					.latest(new ArticleQuery(key.publisher(), key.section(), null, key.topic(), cursor, limit));
			items.addAll(page.items());
			cursor = page.nextCursor();
		} while (cursor != null && items.size() < key.size());
		List<ArticleSummary> loaded = List.copyOf(items);
		this.cache.put(key, new Entry(loaded, now));
		return loaded;
	}

}
