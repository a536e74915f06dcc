package io.newsstand.aggregator.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.testing.RedisExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

@ExtendWith(RedisExtension.class)
class FeedStateStoreTest {

	private static final Instant NOW = Instant.parse("2025-06-04T12:00:00Z");

	private final StringRedisTemplate redis;

	private FeedStateStore store;

	FeedStateStoreTest(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@BeforeEach
	void empty() {
		this.redis.execute((RedisCallback<Object>) connection -> {
			connection.serverCommands().flushDb();
			return null;
		});
		this.store = new FeedStateStore(this.redis);
	}

	private static FeedState failing(String feedId) {
		return FeedState.builder(feedId).url("https://a.example/feed").etag("\"v1\"").bodyHash("abc").lastStatus(503)
				.lastError("HTTP 503").lastErrorKind("rate-limited").consecutiveErrors(2).lastPoll(NOW)
				.lastSuccess(NOW.minusSeconds(3600)).nextPoll(NOW.plusSeconds(900)).items(20)
				.interval(Duration.ofMinutes(15)).build();
	}

	@Test
	void theHashKeepsItsFieldNamesAndEncodings() {
		this.store.save(failing("f3").toBuilder().disabled(true).build());

		assertThat(this.redis.opsForHash().entries(RedisKeys.feed("f3"))).containsOnly(
				Map.entry("url", "https://a.example/feed"), Map.entry("etag", "\"v1\""), Map.entry("bodyHash", "abc"),
				Map.entry("lastStatus", "503"), Map.entry("lastError", "HTTP 503"),
				Map.entry("lastErrorKind", "rate-limited"), Map.entry("consecutiveErrors", "2"),
				Map.entry("lastPoll", Long.toString(NOW.toEpochMilli())),
				Map.entry("lastSuccess", Long.toString(NOW.minusSeconds(3600).toEpochMilli())),
				Map.entry("nextPoll", Long.toString(NOW.plusSeconds(900).toEpochMilli())), Map.entry("items", "20"),
				Map.entry("intervalMs", "900000"), Map.entry("disabled", "1"));
		assertThat(this.store.load("f3")).isEqualTo(failing("f3").toBuilder().disabled(true).build());
	}

	@Test
	void savingChangesWritesOnlyTheFieldsThatDifferAndRemovesTheOnesThatBecameEmpty() {
		FeedState before = failing("f1");
		this.store.save(before);
		// Stand-in for a field nobody else writes: it must survive a diff save
		// untouched.
		this.redis.opsForHash().put(RedisKeys.feed("f1"), "marker", "kept");
		Instant later = NOW.plusSeconds(900);
		FeedState after = before.toBuilder().lastStatus(304).lastError(null).lastErrorKind(null).consecutiveErrors(0)
				.lastPoll(later).lastSuccess(later).nextPoll(later.plusSeconds(900)).build();

		this.store.saveChanges(List.of(before), List.of(after));

		assertThat(this.store.load("f1")).isEqualTo(after);
		Map<Object, Object> fields = this.redis.opsForHash().entries(RedisKeys.feed("f1"));
		assertThat(fields).containsEntry("marker", "kept").doesNotContainKeys("lastError", "lastErrorKind");
	}

	@Test
	void aStateWithoutItsLoadedStateIsWrittenWhole() {
		List<FeedState> unknown = new ArrayList<>();
		unknown.add(null);
		this.store.saveChanges(unknown, List.of(failing("f2")));

		assertThat(this.store.loadAll(List.of("f2", "never-polled"))).containsExactly(failing("f2"),
				FeedState.fresh("never-polled"));
	}

	@Test
	void pipelinesRunOnOneConnectionShareIt() {
		String name = "feed-state-store-test-" + System.nanoTime();
		List<Object> names = this.store.onOneConnection(() -> {
			Pipelines.run(this.redis, redis -> redis.execute((RedisCallback<Object>) connection -> {
				connection.serverCommands().setClientName(name.getBytes());
				return null;
			}));
			List<Object> seen = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				seen.addAll(Pipelines.run(this.redis, redis -> redis.execute((RedisCallback<Object>) connection -> {
					connection.serverCommands().getClientName();
					return null;
				})));
			}
			return seen;
		});

		assertThat(names).as("the later pipelines ran on the connection the first one named").containsExactly(name,
				name);
		// Unbound, each pipeline has a connection of its own.
		assertThat(Pipelines.run(this.redis, redis -> redis.execute((RedisCallback<Object>) connection -> {
			connection.serverCommands().getClientName();
			return null;
		}))).containsOnlyNulls();
	}

}
