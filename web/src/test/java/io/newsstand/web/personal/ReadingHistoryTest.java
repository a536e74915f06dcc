package io.newsstand.web.personal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.testing.RedisExtension;
import io.newsstand.web.articles.ArticleOpened;
import io.newsstand.web.redis.PersonalKeys;
import io.newsstand.web.site.FakeArticles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The reading history on a real Redis: newest first, and a reload of the newest
 * entry writes nothing.
 */
@ExtendWith(RedisExtension.class)
class ReadingHistoryTest {

	private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

	private StringRedisTemplate redis;

	private ReadingHistory history;

	private final String account = "history-" + UUID.randomUUID();

	@BeforeEach
	void setUp(StringRedisTemplate redis) {
		this.redis = redis;
		PersonalProperties properties = new PersonalProperties(100, 500, 500, Duration.ofDays(90), 50, 300,
				Duration.ofMinutes(10), Duration.ofSeconds(60), Duration.ofDays(14), Duration.ofHours(48));
		this.history = new ReadingHistory(redis, new Follows(redis, new FakeArticles(), properties), properties,
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@Test
	void aReloadOfTheNewestEntryWritesNothingAndAReturnToAnOlderOneMovesItUp() {
		open("a", NOW);
		String version = this.redis.opsForValue().get(PersonalKeys.version(this.account));
		open("a", NOW.plusSeconds(30));
		assertThat(this.redis.opsForValue().get(PersonalKeys.version(this.account))).as("a reload: no new version")
				.isEqualTo(version);
		assertThat(this.redis.opsForZSet().score(PersonalKeys.history(this.account), "a"))
				.as("the first opening's time stays").isEqualTo((double) NOW.toEpochMilli());

		open("b", NOW.plusSeconds(40));
		open("a", NOW.plusSeconds(50));
		assertThat(this.history.list(this.account, 0, 10)).extracting(SavedArticles.Entry::articleId)
				.containsExactly("a", "b");

		open("a", NOW.plusSeconds(50 + 61));
		assertThat(this.redis.opsForZSet().score(PersonalKeys.history(this.account), "a"))
				.as("past the reload window, the time moves").isEqualTo((double) NOW.plusSeconds(111).toEpochMilli());
	}

	private void open(String article, Instant at) {
		this.history.opened(new ArticleOpened(article, FakeArticles.PAID_PUBLISHER, "World", this.account,
				"a:" + this.account, "address", true, at, true));
	}

}
