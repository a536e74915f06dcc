package io.newsstand.aggregator.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.testing.RedisExtension;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

@ExtendWith(RedisExtension.class)
class RedisSearchFeedTest {

	@Test
	void entriesNameTheArticleAndTheChangeInOrder(StringRedisTemplate redis) {
		redis.delete(SearchKeys.FEED);
		RedisSearchFeed feed = new RedisSearchFeed(redis, Duration.ofDays(7), InstantSource.system());

		feed.articleStored("a");
		feed.articleRemoved("a");

		List<MapRecord<String, Object, Object>> entries = redis.opsForStream().range(SearchKeys.FEED,
				Range.unbounded());
		assertThat(entries).extracting(MapRecord::getValue).containsExactly(Map.of("id", "a", "op", "upsert"),
				Map.of("id", "a", "op", "delete"));
	}

	@Test
	void entriesOlderThanTheRetentionAreTrimmed(StringRedisTemplate redis) throws InterruptedException {
		redis.delete(SearchKeys.FEED);
		new RedisSearchFeed(redis, Duration.ofDays(7), InstantSource.system()).articleStored("old");
		Thread.sleep(20);

		new RedisSearchFeed(redis, Duration.ofMillis(5), InstantSource.system()).articleStored("new");

		assertThat(redis.opsForStream().range(SearchKeys.FEED, Range.unbounded()))
				.extracting(entry -> entry.getValue().get("id")).containsExactly("new");
	}

}
