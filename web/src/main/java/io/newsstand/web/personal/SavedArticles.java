package io.newsstand.web.personal;

import io.newsstand.web.redis.PersonalKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The articles a reader saved to read later: one sorted set per reader, scored
 * by when each was saved, capped at {@code newsstand.personal.max-saved}.
 */
@Component
class SavedArticles {

	/**
	 * KEYS[1] saved, KEYS[2] personal version; ARGV[1] article, ARGV[2] now (ms),
	 * ARGV[3] limit. Answers 1 saved (or already saved), 0 when full.
	 */
	private static final RedisScript<Long> SAVE = RedisScript.of("""
			if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 1 end
			if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
			redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
			redis.call('INCR', KEYS[2])
			return 1
			""", Long.class);

	private static final RedisScript<Long> REMOVE = RedisScript.of("""
			local removed = redis.call('ZREM', KEYS[1], ARGV[1])
			if removed == 1 then redis.call('INCR', KEYS[2]) end
			return removed
			""", Long.class);

	private final StringRedisTemplate redis;

	private final PersonalProperties properties;

	private final Clock clock;

	SavedArticles(StringRedisTemplate redis, PersonalProperties properties, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.clock = clock;
	}

	/** One entry: the article and when it was saved (or opened, for history). */
	record Entry(String articleId, Instant at) {
	}

	/** Saves the article; false when the reader's list is full. */
	boolean save(String accountId, String articleId) {
		Long saved = this.redis.execute(SAVE, keys(accountId), articleId, Long.toString(this.clock.millis()),
				Integer.toString(this.properties.maxSaved()));
		return saved != null && saved == 1;
	}

	boolean remove(String accountId, String articleId) {
		Long removed = this.redis.execute(REMOVE, keys(accountId), articleId);
		return removed != null && removed == 1;
	}

	void clear(String accountId) {
		this.redis.delete(PersonalKeys.saved(accountId));
		this.redis.opsForValue().increment(PersonalKeys.version(accountId));
	}

	boolean isSaved(String accountId, String articleId) {
		return savedAt(accountId, articleId).isPresent();
	}

	Optional<Instant> savedAt(String accountId, String articleId) {
		Double score = this.redis.opsForZSet().score(PersonalKeys.saved(accountId), articleId);
		return Optional.ofNullable(score).map(millis -> Instant.ofEpochMilli(millis.longValue()));
	}

	/** Newest first, {@code limit} entries from {@code offset}. */
	List<Entry> list(String accountId, int offset, int limit) {
		return range(this.redis, PersonalKeys.saved(accountId), offset, limit);
	}

	long count(String accountId) {
		Long count = this.redis.opsForZSet().zCard(PersonalKeys.saved(accountId));
		return (count != null) ? count : 0;
	}

	static List<Entry> range(StringRedisTemplate redis, String key, int offset, int limit) {
		var tuples = redis.opsForZSet().reverseRangeWithScores(key, offset, offset + limit - 1L);
		List<Entry> entries = new ArrayList<>();
		if (tuples != null) {
			for (TypedTuple<String> tuple : tuples) {
				if (tuple.getValue() != null && tuple.getScore() != null) {
					entries.add(new Entry(tuple.getValue(), Instant.ofEpochMilli(tuple.getScore().longValue())));
				}
			}
		}
		return entries;
	}

	private static List<String> keys(String accountId) {
		return List.of(PersonalKeys.saved(accountId), PersonalKeys.version(accountId));
	}

}
