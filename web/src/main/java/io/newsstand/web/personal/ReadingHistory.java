package io.newsstand.web.personal;

import io.newsstand.web.reading.ArticleOpened;
import io.newsstand.web.redis.WebKeys;
import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * What a signed-in reader opened, newest first: one sorted set per reader,
 * capped by count and age, written from {@link ArticleOpened} in one script
 * (one Redis command per view).
 */
@Component
class ReadingHistory {

	/**
	 * KEYS[1] history, KEYS[2] personal version; ARGV[1] article, ARGV[2] now (ms),
	 * ARGV[3] oldest kept (ms), ARGV[4] most entries, ARGV[5] TTL (ms).
	 */
	private static final RedisScript<Long> OPENED = RedisScript.of("""
			redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
			redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])
			redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[4]) + 1))
			redis.call('PEXPIRE', KEYS[1], ARGV[5])
			redis.call('INCR', KEYS[2])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final PersonalProperties properties;

	private final Clock clock;

	ReadingHistory(StringRedisTemplate redis, PersonalProperties properties, Clock clock) {
		this.redis = redis;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	void opened(ArticleOpened event) {
		if (event.accountId() == null) {
			return;
		}
		long at = event.at().toEpochMilli();
		long age = this.properties.historyAge().toMillis();
		this.redis.execute(OPENED, keys(event.accountId()), event.articleId(), Long.toString(at),
				Long.toString(at - age), Integer.toString(this.properties.historySize()), Long.toString(age));
	}

	/** Newest first, without entries past the age limit. */
	List<SavedArticles.Entry> list(String accountId, int offset, int limit) {
		long oldest = this.clock.millis() - this.properties.historyAge().toMillis();
		return SavedArticles.range(this.redis, WebKeys.history(accountId), offset, limit).stream()
				.filter(entry -> entry.at().toEpochMilli() >= oldest).toList();
	}

	long count(String accountId) {
		Long count = this.redis.opsForZSet().zCard(WebKeys.history(accountId));
		return (count != null) ? count : 0;
	}

	void clear(String accountId) {
		this.redis.delete(WebKeys.history(accountId));
		this.redis.opsForValue().increment(WebKeys.personalVersion(accountId));
	}

	private static List<String> keys(String accountId) {
		return List.of(WebKeys.history(accountId), WebKeys.personalVersion(accountId));
	}

}
