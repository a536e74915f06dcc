package io.newsstand.web.personal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.ArticleQuery;
import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.testing.RedisExtension;
import io.newsstand.testing.SettableClock;
import io.newsstand.web.site.FakeArticles;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Where "For you" finds its candidates, with real Redis for the reader's
 * follows.
 */
@ExtendWith(RedisExtension.class)
class ForYouTest {

	private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	private final SettableClock clock = new SettableClock(NOW);

	private final FakeArticles articles = new FakeArticles();

	/** Only the latest 3 articles overall are candidates. */
	private final PersonalProperties properties = new PersonalProperties(100, 500, 500, Duration.ofDays(90), 50, 3,
			Duration.ofMinutes(10), Duration.ofSeconds(60), Duration.ofDays(14), Duration.ofHours(48));

	@Test
	void anArticleOfAFollowedTopicOutsideTheLatestCandidatesIsListedWithItsReason(StringRedisTemplate redis) {
		Instant older = NOW.minus(Duration.ofDays(2));
		this.articles.put(new Article("tidal-1", "Tidal turbines power a harbour town", "https://example.com/tidal-1",
				FakeArticles.FREE_PUBLISHER, "Open Gazette", "Business", "UK", "Ann Writer", older, older,
				"Turbines in the bay.", "<p>Turbines in the bay.</p>", null, List.of("Tidal  Energy "), "en", 80, 1,
				true));
		assertThat(this.articles.latest(new ArticleQuery(null, null, null, null, this.properties.forYouCandidates()))
				.items()).extracting(ArticleSummary::id).hasSize(3).doesNotContain("tidal-1");
		Follows follows = new Follows(redis, this.articles, this.properties);
		String account = UUID.randomUUID().toString();
		assertThat(follows.follow(account, FollowKind.TOPIC, "tidal energy")).isInstanceOf(Follows.Done.class);
		ForYou forYou = new ForYou(redis, follows, new ReadingHistory(redis, follows, this.properties, this.clock),
				new SavedArticles(redis, this.properties, this.clock),
				new CandidatePool(this.articles, this.properties, this.clock), new Cards(this.articles, this.clock),
				this.properties, this.clock);

		assertThat(forYou.feed(account).items()).filteredOn(item -> item.article().id().equals("tidal-1"))
				.singleElement().extracting(ForYouItem::reason).isEqualTo("Because you follow tidal energy");
	}

}
