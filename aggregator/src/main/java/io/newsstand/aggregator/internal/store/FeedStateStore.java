package io.newsstand.aggregator.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
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
		List<@Nullable FeedState> unknown = new ArrayList<>(states.size());
		states.forEach(state -> unknown.add(null));
		saveChanges(unknown, states);
	}

	/**
	 * Saves the states of a batch of feeds in one pipelined round trip, writing
	 * only the fields that differ from the state each feed was loaded with: a
	 * {@code 304} usually changes three (last poll, last success, next poll). Only
	 * the poller holding a feed's lease writes its state, so the loaded state is
	 * what Redis holds.
	 *
	 * @param before
	 *            the state each feed was loaded with, or {@code null} to write
	 *            every field
	 */
	public void saveChanges(List<? extends @Nullable FeedState> before, List<FeedState> after) {
		if (after.isEmpty()) {
			return;
		}
		List<Map<String, String>> present = new ArrayList<>(after.size());
		List<List<String>> absent = new ArrayList<>(after.size());
		for (int i = 0; i < after.size(); i++) {
			FeedState previous = before.get(i);
			@Nullable
			String[] old = previous == null ? null : values(previous);
			@Nullable
			String[] now = values(after.get(i));
			Map<String, String> fields = new HashMap<>();
			List<String> missing = new ArrayList<>(0);
			for (int field = 0; field < FIELDS.length; field++) {
				String value = now[field];
				if (old != null && Objects.equals(old[field], value)) {
					continue;
				}
				if (value == null) {
					missing.add(FIELDS[field]);
				} else {
					fields.put(FIELDS[field], value);
				}
			}
			present.add(fields);
			absent.add(missing);
		}
		Pipelines.run(this.redis, redis -> {
			for (int i = 0; i < after.size(); i++) {
				String key = RedisKeys.feed(after.get(i).feedId());
				if (!present.get(i).isEmpty()) {
					redis.opsForHash().putAll(key, present.get(i));
				}
				if (!absent.get(i).isEmpty()) {
					redis.opsForHash().delete(key, absent.get(i).toArray());
				}
			}
		});
	}

	/**
	 * Runs {@code work} with one connection of this store's Redis bound to the
	 * calling thread, so every pipeline it runs through this template (feed states,
	 * and the article store's in the app, which shares the template) reuses one
	 * dedicated connection. Without it, Lettuce opens (and closes) a new connection
	 * for each pipeline unless a pool is configured.
	 */
	public <T> T onOneConnection(Supplier<T> work) {
		return Pipelines.onOneConnection(this.redis, work);
	}

	private static final String[] FIELDS = {"url", "etag", "lastModified", "bodyHash", "lastStatus", "lastError",
			"lastErrorKind", "consecutiveErrors", "lastPoll", "lastSuccess", "nextPoll", "items", "intervalMs",
			"disabled"};

	private static @Nullable String[] values(FeedState state) {
		return new @Nullable String[]{state.url(), state.etag(), state.lastModified(), state.bodyHash(),
				Integer.toString(state.lastStatus()), state.lastError(), state.lastErrorKind(),
				Integer.toString(state.consecutiveErrors()), millis(state.lastPoll()), millis(state.lastSuccess()),
				millis(state.nextPoll()), Integer.toString(state.items()),
				state.interval() == null ? null : Long.toString(state.interval().toMillis()),
				state.disabled() ? "1" : null};
	}

	private static @Nullable String millis(@Nullable Instant instant) {
		return instant == null ? null : Long.toString(instant.toEpochMilli());
	}

	private static FeedState from(String feedId, Map<Object, Object> fields) {
		String interval = text(fields, "intervalMs");
		return FeedState.builder(feedId).url(text(fields, "url")).etag(text(fields, "etag"))
				.lastModified(text(fields, "lastModified")).bodyHash(text(fields, "bodyHash"))
				.lastStatus(number(fields, "lastStatus")).lastError(text(fields, "lastError"))
				.lastErrorKind(text(fields, "lastErrorKind")).consecutiveErrors(number(fields, "consecutiveErrors"))
				.lastPoll(instant(fields, "lastPoll")).lastSuccess(instant(fields, "lastSuccess"))
				.nextPoll(instant(fields, "nextPoll")).items(number(fields, "items"))
				.interval(interval == null ? null : Duration.ofMillis(Long.parseLong(interval)))
				.disabled("1".equals(fields.get("disabled"))).build();
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
