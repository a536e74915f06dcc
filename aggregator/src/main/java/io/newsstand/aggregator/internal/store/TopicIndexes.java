package io.newsstand.aggregator.internal.store;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

/**
 * The topic indexes of {@link ArticleStore}: one sorted set per topic in the
 * normal form of {@link Topics}, and a registry of them scored by last write,
 * since the catalog cannot name them for retention as it names publishers,
 * sections and regions.
 */
final class TopicIndexes {

	/** The categories of an article that get a topic index. */
	private static final int MAX_TOPICS = 20;

	private final StringRedisTemplate redis;

	private final Duration keyTtl;

	TopicIndexes(StringRedisTemplate redis, Duration retention) {
		this.redis = redis;
		// A topic key outlives the articles written to it now: one no longer
		// registered (see trim) cannot stay forever.
		this.keyTtl = retention.plus(Duration.ofDays(1));
	}

	/** The topics an article is indexed by. */
	static List<String> of(Article article) {
		List<String> categories = article.categories();
		return Topics.of(categories.subList(0, Math.min(MAX_TOPICS, categories.size())));
	}

	/** Queues, in the store's write pipeline, the articles' topic entries. */
	void queueWrites(RedisOperations<String, String> redis, List<Article> articles, long now) {
		Set<String> topics = new LinkedHashSet<>();
		for (Article article : articles) {
			for (String topic : of(article)) {
				redis.opsForZSet().add(RedisKeys.byTopic(topic), article.id(), article.publishedAt().toEpochMilli());
				topics.add(topic);
			}
		}
		for (String topic : topics) {
			redis.expire(RedisKeys.byTopic(topic), this.keyTtl);
			redis.opsForZSet().add(RedisKeys.TOPICS, topic, now);
		}
	}

	/**
	 * Trims every registered topic index by score and unregisters the topics whose
	 * index became empty or that were not written within the retention window. A
	 * topic written between the two round trips may be unregistered with its new
	 * article: its key then expires by its TTL, and its next write registers it
	 * again.
	 */
	void trim(long cutoff) {
		Set<TypedTuple<String>> registered = this.redis.opsForZSet().rangeWithScores(RedisKeys.TOPICS, 0, -1);
		if (registered == null || registered.isEmpty()) {
			return;
		}
		List<String> topics = registered.stream().map(TypedTuple::getValue).filter(Objects::nonNull).toList();
		List<Object> results = Pipelines.run(this.redis, redis -> {
			for (String topic : topics) {
				redis.opsForZSet().removeRangeByScore(RedisKeys.byTopic(topic), Double.NEGATIVE_INFINITY, cutoff - 1);
				redis.opsForZSet().zCard(RedisKeys.byTopic(topic));
			}
		});
		List<String> empty = new ArrayList<>();
		for (int i = 0; i < topics.size(); i++) {
			if (Long.valueOf(0).equals(results.get(i * 2 + 1))) {
				empty.add(topics.get(i));
			}
		}
		Pipelines.run(this.redis, redis -> {
			redis.opsForZSet().removeRangeByScore(RedisKeys.TOPICS, Double.NEGATIVE_INFINITY, cutoff - 1);
			if (!empty.isEmpty()) {
				redis.opsForZSet().remove(RedisKeys.TOPICS, empty.toArray());
			}
		});
	}

}
