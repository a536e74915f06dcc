package io.newsstand.web.frontpage;

import io.newsstand.web.articles.ArticleOpened;
import io.newsstand.web.redis.WebKeys;
import io.newsstand.web.redis.WindowCounter;
import io.newsstand.web.security.Hashes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Counts distinct readers per article in hourly buckets. A reader is an
 * account, or an address for anonymous readers; its re-reads of one article
 * count once per read window ({@code SET NX} on a per-reader, per-article
 * marker that expires with the window), and one address adds at most
 * {@code reads-per-address-per-hour} reads an hour. Buckets expire when they
 * leave the window. A counted read costs three round trips: the marker, the
 * address's counter, and one script on the bucket.
 */
@Component
class ReadCounts {

	/** Articles read from one bucket: the long tail does not reach the top. */
	private static final int PER_BUCKET = 200;

	private final StringRedisTemplate redis;

	private final FrontPageProperties properties;

	private final WindowCounter counters;

	ReadCounts(StringRedisTemplate redis, FrontPageProperties properties, WindowCounter counters) {
		this.redis = redis;
		this.properties = properties;
		this.counters = counters;
	}

	@EventListener
	void opened(ArticleOpened opened) {
		count(opened.readerKey(), opened.addressKey(), opened.articleId(), opened.at());
	}

	void count(String readerKey, String addressKey, String articleId, Instant at) {
		Duration window = this.properties.readWindow();
		Boolean first = this.redis.opsForValue().setIfAbsent(WebKeys.readCounted(hash(readerKey, articleId)), "1",
				window);
		if (!Boolean.TRUE.equals(first)) {
			return;
		}
		// One network adds at most the cap per hour, however many accounts it signs in
		// or user agents it claims.
		long hour = at.getEpochSecond() / 3600;
		if (this.counters.increment(addressKey(addressKey, hour), Duration.ofHours(1)) > this.properties
				.readsPerAddressPerHour()) {
			return;
		}
		// One key, one round trip on the shared connection (a pipeline would take a
		// dedicated one). The bucket lives as long as its last hour is inside the
		// window.
		this.redis.execute(INCREMENT, List.of(WebKeys.readsInHour(hour)), articleId,
				Long.toString(window.plusHours(1).toSeconds()));
	}

	private static final RedisScript<Long> INCREMENT = RedisScript.of("""
			redis.call('ZINCRBY', KEYS[1], 1, ARGV[1])
			redis.call('EXPIRE', KEYS[1], ARGV[2])
			return 1
			""", Long.class);

	/**
	 * Distinct reads per article over the window, each weighted by its age (a read
	 * one half-life old counts half).
	 */
	Map<String, Double> weighted(Instant now) {
		long hour = now.getEpochSecond() / 3600;
		int hours = (int) this.properties.readWindow().toHours();
		List<Object> buckets = this.redis
				.executePipelined(new org.springframework.data.redis.core.SessionCallback<Object>() {
					@Override
					@SuppressWarnings({"unchecked", "rawtypes"})
					public Object execute(org.springframework.data.redis.core.RedisOperations operations) {
						for (int i = 0; i < hours; i++) {
							operations.opsForZSet().reverseRangeWithScores(WebKeys.readsInHour(hour - i), 0,
									PER_BUCKET - 1);
						}
						return null;
					}
				});
		double halfLifeSeconds = this.properties.readHalfLife().toSeconds();
		Map<String, Double> weighted = new HashMap<>();
		for (int i = 0; i < buckets.size(); i++) {
			// A bucket's reads are taken at the middle of its hour (now's bucket: half
			// of the time passed so far).
			long middle = (hour - i) * 3600 + 1800;
			double age = Math.max(0, now.getEpochSecond() - middle);
			double weight = Math.pow(2, -age / halfLifeSeconds);
			if (buckets.get(i) instanceof Set<?> tuples) {
				for (Object tuple : tuples) {
					if (tuple instanceof TypedTuple<?> typed && typed.getValue() != null && typed.getScore() != null) {
						weighted.merge(String.valueOf(typed.getValue()), typed.getScore() * weight, Double::sum);
					}
				}
			}
		}
		return weighted;
	}

	/**
	 * String counter: reads one client address added in one clock hour (named here
	 * rather than in WebKeys, which another change owned; see docs/redis.md).
	 */
	static String addressKey(String addressKey, long epochHour) {
		return WebKeys.readsFrom(addressKey, epochHour);
	}

	private static String hash(String readerKey, String articleId) {
		return Hashes.sha256(readerKey + "|" + articleId).substring(0, 32);
	}

}
