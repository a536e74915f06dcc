package io.newsstand.aggregator.internal.search;

import io.newsstand.aggregator.SearchFeed;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Appends article changes to the search feed stream, trimming entries older
 * than the feed retention in the same command (a node whose index is older than
 * that rebuilds instead of replaying).
 */
public final class RedisSearchFeed implements SearchFeed {

	private static final RedisScript<String> ADD = RedisScript.of(
			"return redis.call('XADD', KEYS[1], 'MINID', ARGV[1], '*', 'id', ARGV[2], 'op', ARGV[3])", String.class);

	private final StringRedisTemplate redis;

	private final Duration retention;

	private final InstantSource clock;

	RedisSearchFeed(StringRedisTemplate redis, Duration retention, InstantSource clock) {
		this.redis = redis;
		this.retention = retention;
		this.clock = clock;
	}

	@Override
	public void articleStored(String articleId) {
		add(articleId, "upsert");
	}

	@Override
	public void articleRemoved(String articleId) {
		add(articleId, "delete");
	}

	/**
	 * Queues the entries of stored (or removed) articles into a pipeline the caller
	 * runs, so that they travel with the caller's own writes.
	 *
	 * @return how many commands it queued
	 */
	public int queue(RedisOperations<String, String> pipeline, Collection<String> articleIds, boolean removed) {
		String oldestKept = oldestKept();
		for (String id : articleIds) {
			pipeline.execute(ADD, List.of(SearchKeys.FEED), oldestKept, id, removed ? "delete" : "upsert");
		}
		return articleIds.size();
	}

	private void add(String articleId, String op) {
		this.redis.execute(ADD, List.of(SearchKeys.FEED), oldestKept(), articleId, op);
	}

	private String oldestKept() {
		return this.clock.instant().minus(this.retention).toEpochMilli() + "-0";
	}

}
