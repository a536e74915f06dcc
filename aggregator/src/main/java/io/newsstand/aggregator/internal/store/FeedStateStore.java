package io.newsstand.aggregator.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Per-feed state in one Redis hash per feed ({@code newsstand:feed:<id>}).
 */
public final class FeedStateStore {

	private final StringRedisTemplate redis;

	public FeedStateStore(StringRedisTemplate redis) {
		this.redis = redis;
	}

	public FeedState load(String feedId) {
		Map<Object, Object> fields = this.redis.opsForHash().entries(RedisKeys.feed(feedId));
		return from(feedId, fields);
	}

	public List<FeedState> loadAll(List<String> feedIds) {
		List<Object> all = Pipelines.run(this.redis, redis -> {
			for (String id : feedIds) {
				redis.opsForHash().entries(RedisKeys.feed(id));
			}
		});
		List<FeedState> states = new ArrayList<>();
		for (int i = 0; i < feedIds.size(); i++) {
			@SuppressWarnings("unchecked")
			Map<Object, Object> fields = (Map<Object, Object>) all.get(i);
			states.add(from(feedIds.get(i), fields == null ? Map.of() : fields));
		}
		return states;
	}

	public void save(FeedState state) {
		saveAll(List.of(state));
	}

	/**
	 * Saves the states of a batch of feeds in one pipelined round trip (one HSET
	 * and at most one HDEL per feed: single-key commands, Cluster-safe).
	 */
	public void saveAll(List<FeedState> states) {
		if (states.isEmpty()) {
			return;
		}
		List<Map<String, String>> present = new ArrayList<>(states.size());
		List<List<String>> absent = new ArrayList<>(states.size());
		for (FeedState state : states) {
			Map<String, String> fields = new HashMap<>();
			List<String> missing = new ArrayList<>();
			put(fields, missing, "url", state.url());
			put(fields, missing, "etag", state.etag());
			put(fields, missing, "lastModified", state.lastModified());
			put(fields, missing, "bodyHash", state.bodyHash());
			put(fields, missing, "lastStatus", Integer.toString(state.lastStatus()));
			put(fields, missing, "lastError", state.lastError());
			put(fields, missing, "lastErrorKind", state.lastErrorKind());
			put(fields, missing, "consecutiveErrors", Integer.toString(state.consecutiveErrors()));
			put(fields, missing, "lastPoll", millis(state.lastPoll()));
			put(fields, missing, "lastSuccess", millis(state.lastSuccess()));
			put(fields, missing, "nextPoll", millis(state.nextPoll()));
			put(fields, missing, "items", Integer.toString(state.items()));
			put(fields, missing, "intervalMs",
					state.interval() == null ? null : Long.toString(state.interval().toMillis()));
			put(fields, missing, "disabled", state.disabled() ? "1" : null);
			present.add(fields);
			absent.add(missing);
		}
		Pipelines.run(this.redis, redis -> {
			for (int i = 0; i < states.size(); i++) {
				String key = RedisKeys.feed(states.get(i).feedId());
				redis.opsForHash().putAll(key, present.get(i));
				if (!absent.get(i).isEmpty()) {
					redis.opsForHash().delete(key, absent.get(i).toArray());
				}
			}
		});
	}

	private static void put(Map<String, String> fields, List<String> absent, String name, @Nullable String value) {
		if (value == null) {
			absent.add(name);
		} else {
			fields.put(name, value);
		}
	}

	private static @Nullable String millis(@Nullable Instant instant) {
		return instant == null ? null : Long.toString(instant.toEpochMilli());
	}

	private static FeedState from(String feedId, Map<Object, Object> fields) {
		return new FeedState(feedId, text(fields, "url"), text(fields, "etag"), text(fields, "lastModified"),
				text(fields, "bodyHash"), number(fields, "lastStatus"), text(fields, "lastError"),
				text(fields, "lastErrorKind"), number(fields, "consecutiveErrors"), instant(fields, "lastPoll"),
				instant(fields, "lastSuccess"), instant(fields, "nextPoll"), number(fields, "items"),
				fields.get("intervalMs") == null
						? null
						: Duration.ofMillis(Long.parseLong((String) fields.get("intervalMs"))),
				"1".equals(fields.get("disabled")));
	}

	private static @Nullable String text(Map<Object, Object> fields, String name) {
		Object value = fields.get(name);
		return value == null ? null : value.toString();
	}

	private static int number(Map<Object, Object> fields, String name) {
		Object value = fields.get(name);
		return value == null ? 0 : Integer.parseInt(value.toString());
	}

	private static @Nullable Instant instant(Map<Object, Object> fields, String name) {
		Object value = fields.get(name);
		return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value.toString()));
	}

}
