package io.newsstand.aggregator.internal.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.ArticlePage;
import io.newsstand.aggregator.ArticleQuery;
import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.aggregator.InvalidCursorException;
import io.newsstand.aggregator.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the articles {@link ArticleStore} writes: one by id, every one page by
 * page, or a page of the latest (all, or by publisher, section, region or
 * topic) after a cursor.
 */
public final class ArticleReads {

	private static final String JSON = ArticleStore.JSON;

	private static final int SCAN_LIMIT = 1000;

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	/**
	 * Parsed articles by their stored JSON: an article page parses the same JSON on
	 * every view, and parsing was a sixth of its time (performance.md). Keyed by
	 * the whole JSON, so a changed article is a new entry and a read always
	 * reflects what Redis holds; bounded to about 32 MB of keys.
	 */
	private final Cache<String, Article> parsed = Caffeine.newBuilder().maximumWeight(16_000_000)
			.weigher((String stored, Article article) -> stored.length()).build();

	public ArticleReads(StringRedisTemplate redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	/**
	 * The ids of the latest articles published since the given time, newest first.
	 */
	public List<String> publishedSince(Instant since, int max) {
		Set<String> ids = this.redis.opsForZSet().reverseRangeByScore(RedisKeys.LATEST, since.toEpochMilli(),
				Double.POSITIVE_INFINITY, 0, max);
		return ids == null ? List.of() : List.copyOf(ids);
	}

	public Optional<Article> find(String id) {
		if (!id.matches("[0-9a-f]{1,64}")) {
			return Optional.empty();
		}
		Object value = this.redis.opsForHash().get(RedisKeys.article(id), JSON);
		return value == null ? Optional.empty() : Optional.of(parse((String) value));
	}

	private Article parse(String stored) {
		return this.parsed.get(stored, json -> this.json.readValue(json, Article.class));
	}

	/**
	 * Calls the consumer for every stored article, newest first, reading a page of
	 * articles per round trip. Articles stored meanwhile may be seen twice or not
	 * at all; callers that must not miss them follow the changes separately.
	 */
	public void forEachArticle(Consumer<Article> consumer) {
		int page = 200;
		for (long start = 0;; start += page) {
			Set<String> ids = this.redis.opsForZSet().reverseRange(RedisKeys.LATEST, start, start + page - 1);
			if (ids == null || ids.isEmpty()) {
				return;
			}
			List<Object> values = Pipelines.run(this.redis, redis -> {
				for (String id : ids) {
					redis.<String, String>opsForHash().get(RedisKeys.article(id), JSON);
				}
			});
			for (Object value : values) {
				if (value != null) {
					consumer.accept(this.json.readValue((String) value, Article.class));
				}
			}
			if (ids.size() < page) {
				return;
			}
		}
	}

	public ArticlePage latest(ArticleQuery query) {
		String publisher = blankToNull(query.publisher());
		String section = blankToNull(query.section());
		String region = blankToNull(query.region());
		String topic = null;
		if (query.topic() != null && !query.topic().isBlank()) {
			topic = Topics.normalise(query.topic()).orElse(null);
			if (topic == null) {
				return new ArticlePage(List.of(), null);
			}
		}
		String key = indexKey(publisher, section, topic, region);
		Cursor cursor = query.cursor() == null || query.cursor().isBlank() ? null : Cursor.decode(query.cursor());
		double max = cursor == null ? Double.POSITIVE_INFINITY : cursor.score();
		List<ArticleSummary> items = new ArrayList<>();
		Cursor last = null;
		int scanned = 0;
		long offset = 0;
		int batch = Math.min(SCAN_LIMIT, query.limit() * 2 + 10);
		while (items.size() < query.limit() && scanned < SCAN_LIMIT) {
			Set<TypedTuple<String>> page = this.redis.opsForZSet().reverseRangeByScoreWithScores(key,
					Double.NEGATIVE_INFINITY, max, offset, batch);
			if (page == null || page.isEmpty()) {
				return new ArticlePage(items, null);
			}
			offset += page.size();
			List<TypedTuple<String>> candidates = after(page, cursor);
			List<Object> bodies = Pipelines.run(this.redis, redis -> {
				for (TypedTuple<String> tuple : candidates) {
					redis.<String, String>opsForHash().get(RedisKeys.article(String.valueOf(tuple.getValue())), JSON);
				}
			});
			for (int i = 0; i < candidates.size(); i++) {
				scanned++;
				if (bodies.get(i) == null) {
					continue; // expired, or indexed before its hash landed on another Cluster node
				}
				Article article = this.json.readValue((String) bodies.get(i), Article.class);
				if (matches(article, publisher, section, region, topic)) {
					if (items.size() == query.limit()) {
						return new ArticlePage(items, last == null ? null : last.encode());
					}
					items.add(article.toSummary());
					TypedTuple<String> tuple = candidates.get(i);
					last = new Cursor(tuple.getScore() == null ? 0 : tuple.getScore(), article.id());
				}
			}
			if (page.size() < batch) {
				// Look one further to know whether a next page exists.
				return new ArticlePage(items, null);
			}
		}
		return new ArticlePage(items, last == null ? null : last.encode());
	}

	/**
	 * The index the filter narrows most: publisher, section, topic, region or all.
	 */
	private static String indexKey(@Nullable String publisher, @Nullable String section, @Nullable String topic,
			@Nullable String region) {
		if (publisher != null) {
			return RedisKeys.byPublisher(publisher);
		}
		if (section != null) {
			return RedisKeys.bySection(section);
		}
		if (topic != null) {
			return RedisKeys.byTopic(topic);
		}
		return (region != null) ? RedisKeys.byRegion(region) : RedisKeys.LATEST;
	}

	/** The entries of a page past the cursor (ties on score are ordered by id). */
	private static List<TypedTuple<String>> after(Set<TypedTuple<String>> page, @Nullable Cursor cursor) {
		List<TypedTuple<String>> candidates = new ArrayList<>();
		for (TypedTuple<String> tuple : page) {
			if (cursor != null && tuple.getScore() != null && tuple.getScore() == cursor.score()
					&& tuple.getValue() != null && tuple.getValue().compareTo(cursor.id()) >= 0) {
				continue;
			}
			candidates.add(tuple);
		}
		return candidates;
	}

	private static boolean matches(Article article, @Nullable String publisher, @Nullable String section,
			@Nullable String region, @Nullable String topic) {
		return (publisher == null || publisher.equals(article.publisherId()))
				&& (section == null || article.section() != null
						&& RedisKeys.slug(section).equals(RedisKeys.slug(article.section())))
				&& (region == null || region.equalsIgnoreCase(article.region()))
				&& (topic == null || TopicIndexes.of(article).contains(topic));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	record Cursor(double score, String id) {

		String encode() {
			String raw = "v1:" + (long) this.score + ":" + this.id;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String cursor) {
			try {
				String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
				String[] parts = raw.split(":", 3);
				if (parts.length != 3 || !parts[0].equals("v1") || !parts[2].matches("[0-9a-f]{1,64}")) {
					throw new InvalidCursorException(cursor);
				}
				return new Cursor(Long.parseLong(parts[1]), parts[2].toLowerCase(Locale.ROOT));
			} catch (IllegalArgumentException ex) {
				throw ex instanceof InvalidCursorException invalid ? invalid : new InvalidCursorException(cursor);
			}
		}

	}

}
