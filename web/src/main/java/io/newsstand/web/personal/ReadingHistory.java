package io.newsstand.web.personal;

import io.newsstand.web.articles.ArticleOpened;
import io.newsstand.web.redis.PersonalKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * What a signed-in reader opened, newest first: one sorted set per reader,
 * capped by count and age, written from {@link ArticleOpened} in one script
 * (one Redis command per view). The same script reads what the article page's
 * buttons show next (the reader's follows, whether the article is saved) and
 * leaves it in the request for {@link PersonalMarks}.
 */
@Component
class ReadingHistory {

	/**
	 * KEYS[1] history, KEYS[2] personal version, KEYS[3] follows, KEYS[4] saved;
	 * ARGV[1] article, ARGV[2] now (ms), ARGV[3] oldest kept (ms), ARGV[4] most
	 * entries, ARGV[5] TTL (ms), ARGV[6] reload window (ms). Answers the follows
	 * (HGETALL) and whether the article is saved, which the article page's buttons
	 * need next: one round trip for both. Opening again the article that is already
	 * the newest entry, within the reload window, changes nothing (a reload, the
	 * page's own offline copy): no write, no new personal version.
	 */
	private static final RedisScript<List> OPENED = RedisScript.of("""
			local newest = redis.call('ZREVRANGE', KEYS[1], 0, 0, 'WITHSCORES')
			if not (newest[1] == ARGV[1] and tonumber(ARGV[2]) - tonumber(newest[2]) < tonumber(ARGV[6])) then
			  redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
			  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])
			  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[4]) + 1))
			  redis.call('PEXPIRE', KEYS[1], ARGV[5])
			  redis.call('INCR', KEYS[2])
			end
			local saved = redis.call('ZSCORE', KEYS[4], ARGV[1])
			return {redis.call('HGETALL', KEYS[3]), saved and '1' or '0'}
			""", List.class);

	/**
	 * Opening the newest entry again within this long is a reload: its time in the
	 * history stays that of the first opening.
	 */
	static final Duration RELOAD = Duration.ofMinutes(1);

	private final StringRedisTemplate redis;

	private final Follows follows;

	private final PersonalProperties properties;

	private final Clock clock;

	ReadingHistory(StringRedisTemplate redis, Follows follows, PersonalProperties properties, Clock clock) {
		this.redis = redis;
		this.follows = follows;
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
		String accountId = event.accountId();
		List<?> result = this.redis.execute(OPENED,
				List.of(PersonalKeys.history(accountId), PersonalKeys.version(accountId),
						PersonalKeys.follows(accountId), PersonalKeys.saved(accountId)),
				event.articleId(), Long.toString(at), Long.toString(at - age),
				Integer.toString(this.properties.historySize()), Long.toString(age), Long.toString(RELOAD.toMillis()));
		if (result != null && result.size() == 2 && result.get(0) instanceof List<?> flat
				&& RequestContextHolder.getRequestAttributes() instanceof RequestAttributes request) {
			Map<Object, Object> fields = new HashMap<>();
			for (int i = 0; i + 1 < flat.size(); i += 2) {
				fields.put(flat.get(i), flat.get(i + 1));
			}
			request.setAttribute(PersonalMarks.PRELOADED, new PersonalMarks.Preloaded(accountId, event.articleId(),
					this.follows.parse(fields), "1".equals(result.get(1))), RequestAttributes.SCOPE_REQUEST);
		}
	}

	/** Newest first, without entries past the age limit. */
	List<SavedArticles.Entry> list(String accountId, int offset, int limit) {
		long oldest = this.clock.millis() - this.properties.historyAge().toMillis();
		return SavedArticles.range(this.redis, PersonalKeys.history(accountId), offset, limit).stream()
				.filter(entry -> entry.at().toEpochMilli() >= oldest).toList();
	}

	long count(String accountId) {
		Long count = this.redis.opsForZSet().zCard(PersonalKeys.history(accountId));
		return (count != null) ? count : 0;
	}

	void clear(String accountId) {
		this.redis.delete(PersonalKeys.history(accountId));
		this.redis.opsForValue().increment(PersonalKeys.version(accountId));
	}

}
