package io.newsstand.aggregator.internal.store;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.internal.parse.ArticleNormalizer;
import io.newsstand.aggregator.internal.parse.NormalizedArticle;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisPipelineException;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Articles in Redis: one hash per article (written by one HSET, so a reader
 * never sees half an article), sorted-set indexes by time (latest, per
 * publisher, section, region and topic), URL aliases that merge one publisher's
 * feeds, tombstones that keep retention-removed items from coming back. A
 * feed's articles are read in one pipelined round trip and written in another.
 * {@link ArticleReads} serves the stored articles to readers.
 */
public final class ArticleStore {

	private static final Logger log = LoggerFactory.getLogger(ArticleStore.class);

	/** The article as JSON, in its hash: what {@link ArticleReads} reads. */
	static final String JSON = "json";

	private static final String HASH = "hash";

	private static final String PUBLISHED = "publishedAt";

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final Duration retention;

	private final InstantSource clock;

	private final ArticleEvents events;

	private final TopicIndexes topics;

	public ArticleStore(StringRedisTemplate redis, JsonMapper json, Duration retention, InstantSource clock) {
		this(redis, json, retention, clock, ArticleEvents.NONE);
	}

	ArticleStore(StringRedisTemplate redis, JsonMapper json, Duration retention, InstantSource clock,
			ArticleEvents events) {
		this.redis = redis;
		this.json = json;
		this.retention = retention;
		this.clock = clock;
		this.events = events;
		this.topics = new TopicIndexes(redis, retention);
	}

	/**
	 * Saves the articles of one feed document, or of several (the poller hands a
	 * group of changed feeds over at once): one pipelined round trip reads what is
	 * stored, one writes what is new or changed.
	 */
	public StoreResult save(List<NormalizedArticle> incoming) {
		List<NormalizedArticle> articles = distinct(incoming);
		if (articles.isEmpty()) {
			return new StoreResult(0, 0, 0, 0);
		}
		List<Object> known = Pipelines.run(this.redis, redis -> {
			for (NormalizedArticle article : articles) {
				redis.<String, String>opsForHash().multiGet(RedisKeys.article(article.article().id()),
						List.of(HASH, PUBLISHED));
				redis.hasKey(RedisKeys.tombstone(article.article().id()));
				redis.opsForValue().get(aliasKey(article));
			}
		});
		List<ArticleWrite> writes = new ArrayList<>();
		List<NormalizedArticle> aliased = new ArrayList<>();
		Instant cutoff = this.clock.instant().minus(this.retention);
		int unchanged = 0;
		int skipped = 0;
		for (int i = 0; i < articles.size(); i++) {
			NormalizedArticle article = articles.get(i);
			@SuppressWarnings("unchecked")
			List<String> existing = (List<String>) known.get(i * 3);
			boolean tombstoned = Boolean.TRUE.equals(known.get(i * 3 + 1));
			String alias = (String) known.get(i * 3 + 2);
			if (tombstoned || article.article().publishedAt().isBefore(cutoff)) {
				skipped++;
			} else if (alias != null && !alias.equals(article.article().id())) {
				aliased.add(withId(article, alias));
			} else if (!addWrite(writes, article, existing)) {
				unchanged++;
			}
		}
		unchanged += addAliasedWrites(aliased, writes);
		write(writes);
		int updated = (int) writes.stream().filter(ArticleWrite::update).count();
		return new StoreResult(writes.size() - updated, updated, unchanged, skipped);
	}

	/**
	 * One article per identity, and per publisher and canonical URL: the first of
	 * them wins (two feeds of one publisher carrying one story are one article).
	 */
	private static List<NormalizedArticle> distinct(List<NormalizedArticle> incoming) {
		Map<String, NormalizedArticle> byId = new LinkedHashMap<>();
		Set<String> urls = new HashSet<>();
		for (NormalizedArticle article : incoming) {
			if (article.canonicalUrl() != null
					&& !urls.add(article.article().publisherId() + ' ' + article.canonicalUrl())) {
				continue;
			}
			byId.putIfAbsent(article.article().id(), article);
		}
		return new ArrayList<>(byId.values());
	}

	/**
	 * Adds the write an article needs, given its stored hash and publication time;
	 * false when it is stored unchanged.
	 */
	private static boolean addWrite(List<ArticleWrite> writes, NormalizedArticle article, List<String> existing) {
		ArticleWrite write = ArticleWrite.of(article, existing);
		if (write == null) {
			return false;
		}
		writes.add(write);
		return true;
	}

	/**
	 * The same stories from another feed of their publisher: adds the writes that
	 * update the stored ones, and returns how many are unchanged.
	 */
	private int addAliasedWrites(List<NormalizedArticle> aliased, List<ArticleWrite> writes) {
		if (aliased.isEmpty()) {
			return 0;
		}
		List<Object> aliasKnown = Pipelines.run(this.redis, redis -> {
			for (NormalizedArticle article : aliased) {
				redis.<String, String>opsForHash().multiGet(RedisKeys.article(article.article().id()),
						List.of(HASH, PUBLISHED));
			}
		});
		int unchanged = 0;
		for (int i = 0; i < aliased.size(); i++) {
			@SuppressWarnings("unchecked")
			List<String> existing = (List<String>) aliasKnown.get(i);
			if (!addWrite(writes, aliased.get(i), existing)) {
				unchanged++;
			}
		}
		return unchanged;
	}

	private void write(List<ArticleWrite> writes) {
		if (writes.isEmpty()) {
			return;
		}
		long now = this.clock.millis();
		List<Article> written = writes.stream().map(ArticleWrite::article).toList();
		runThenQueued(redis -> {
			for (int i = 0; i < writes.size(); i++) {
				ArticleWrite write = writes.get(i);
				Article article = written.get(i);
				long published = article.publishedAt().toEpochMilli();
				// Relative TTL (our clock, not Redis's): kept a day past the retention window.
				Duration ttl = Duration.ofMillis(Math.max(Duration.ofDays(1).toMillis(),
						published + this.retention.toMillis() + Duration.ofDays(1).toMillis() - now));
				String key = RedisKeys.article(article.id());
				redis.<String, String>opsForHash().putAll(key, Map.of(JSON, this.json.writeValueAsString(article), HASH,
						write.normalized().contentHash(), PUBLISHED, Long.toString(published)));
				redis.expire(key, ttl);
				if (write.normalized().canonicalUrl() != null) {
					redis.opsForValue().set(aliasKey(write.normalized()), article.id());
					redis.expire(aliasKey(write.normalized()), ttl);
				}
				for (String index : indexes(article)) {
					redis.opsForZSet().add(index, article.id(), published);
				}
			}
			this.topics.queueWrites(redis, written, now);
		}, redis -> this.events.queueStored(redis, written), written.stream().map(Article::id).toList());
		this.events.stored(written);
	}

	/**
	 * Runs the store's commands and then the queued listeners' commands in one
	 * pipeline. A failure of only the listeners' commands is logged, not thrown:
	 * the articles are written, and losing them for it would be worse.
	 */
	private void runThenQueued(Consumer<RedisOperations<String, String>> own,
			ToIntFunction<RedisOperations<String, String>> queued, Collection<String> ids) {
		int[] queuedCount = new int[1];
		try {
			Pipelines.run(this.redis, redis -> {
				own.accept(redis);
				queuedCount[0] = queued.applyAsInt(redis);
			});
		} catch (RedisPipelineException ex) {
			// The listeners' commands come last: only failures among them are theirs.
			List<Object> results = ex.getPipelineResult();
			int ownResults = results.size() - queuedCount[0];
			for (int i = 0; i < ownResults; i++) {
				if (results.get(i) instanceof Throwable) {
					throw ex;
				}
			}
			Object cause = results.subList(Math.max(0, ownResults), results.size()).stream()
					.filter(Throwable.class::isInstance).findFirst().orElse(ex);
			log.warn("Article(s) {} written or removed, but the discovery commands queued with them failed: {}", ids,
					cause);
		}
	}

	private static List<String> indexes(Article article) {
		List<String> keys = new ArrayList<>(4);
		keys.add(RedisKeys.LATEST);
		keys.add(RedisKeys.byPublisher(article.publisherId()));
		if (article.section() != null) {
			keys.add(RedisKeys.bySection(article.section()));
		}
		keys.add(RedisKeys.byRegion(article.region()));
		return keys;
	}

	private static String aliasKey(NormalizedArticle article) {
		String url = article.canonicalUrl() == null ? article.identity() : article.canonicalUrl();
		return RedisKeys.urlAlias(article.article().publisherId(), ArticleNormalizer.hash(url).substring(0, 20));
	}

	private static NormalizedArticle withId(NormalizedArticle normalized, String id) {
		Article a = normalized.article();
		return new NormalizedArticle(
				new Article(id, a.title(), a.url(), a.publisherId(), a.publisherName(), a.section(), a.region(),
						a.author(), a.publishedAt(), a.updatedAt(), a.summary(), a.body(), a.image(), a.categories(),
						a.language(), a.wordCount(), a.readingMinutes(), a.free()),
				normalized.identity(), normalized.canonicalUrl(), normalized.contentHash(), normalized.dated());
	}

	/**
	 * Removes articles older than the retention window from the given indexes and
	 * from every registered topic index, deletes them and leaves a tombstone, so
	 * the feed cannot bring them back.
	 *
	 * @return articles removed
	 */
	public int cleanup(Collection<String> indexKeys) {
		long cutoff = this.clock.instant().minus(this.retention).toEpochMilli();
		Set<String> expired = this.redis.opsForZSet().rangeByScore(RedisKeys.LATEST, Double.NEGATIVE_INFINITY,
				cutoff - 1);
		this.topics.trim(cutoff);
		if (expired == null) {
			return 0;
		}
		long tombstoneMillis = this.retention.multipliedBy(4).toMillis();
		runThenQueued(redis -> {
			for (String id : expired) {
				redis.opsForValue().set(RedisKeys.tombstone(id), "1", Duration.ofMillis(tombstoneMillis));
				redis.delete(RedisKeys.article(id));
			}
			redis.opsForZSet().removeRangeByScore(RedisKeys.LATEST, Double.NEGATIVE_INFINITY, cutoff - 1);
			for (String key : indexKeys) {
				redis.opsForZSet().removeRangeByScore(key, Double.NEGATIVE_INFINITY, cutoff - 1);
			}
		}, redis -> this.events.queueRemoved(redis, expired), expired);
		if (!expired.isEmpty()) {
			this.events.removed(expired);
		}
		return expired.size();
	}

}
