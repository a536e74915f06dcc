package io.newsstand.aggregator.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.StoryArticle;
import io.newsstand.aggregator.StoryMember;
import io.newsstand.aggregator.internal.catalog.CatalogLoader;
import io.newsstand.aggregator.internal.demo.DemoFeeds;
import io.newsstand.aggregator.internal.parse.ArticleNormalizer;
import io.newsstand.aggregator.internal.parse.FeedContext;
import io.newsstand.aggregator.internal.parse.FeedParser;
import io.newsstand.aggregator.internal.parse.HtmlSanitizer;
import io.newsstand.aggregator.internal.parse.ParseOutcome;
import io.newsstand.testing.RedisExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The demo catalog tells some stories at several publishers, so a fresh app
 * shows "Also covered by": the real clustering links them.
 */
@ExtendWith(RedisExtension.class)
class DemoStoriesClusterTest {

	private static final Instant NOW = Instant.parse("2026-03-04T12:30:00Z");

	private final StringRedisTemplate redis;

	DemoStoriesClusterTest(StringRedisTemplate redis) {
		this.redis = redis;
	}

	private List<Article> articles(DemoFeeds feeds, String publisher, String slug, String section) {
		String xml = feeds.render(publisher, slug, "http://127.0.0.1:8080").orElseThrow().xml();
		ParseOutcome outcome = new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
		return new ArticleNormalizer(new HtmlSanitizer())
				.normalize(((ParseOutcome.Parsed) outcome).feed(),
						new FeedContext(publisher, publisher, "UK", "en", false, section,
								"http://127.0.0.1:8080/demo/feeds/" + slug + ".xml", NOW))
				.stream().map(normalized -> normalized.article()).toList();
	}

	/**
	 * Whether the item tells its section's story of the hour (its URL ends in its
	 * number).
	 */
	private static boolean shared(Article article) {
		String url = article.url();
		return DemoFeeds.shares(article.section(), Long.parseLong(url.substring(url.lastIndexOf('/') + 1)));
	}

	@Test
	void theStoryOfTheHourIsToldByEveryPublisherOfTheSectionAndClustersAcrossThem() {
		this.redis.execute((RedisCallback<Object>) connection -> {
			connection.serverCommands().flushDb();
			return null;
		});
		DemoFeeds feeds = new DemoFeeds(new CatalogLoader().load("demo"), () -> NOW);
		List<Article> all = new ArrayList<>(articles(feeds, "harbour-gazette", "world", "World"));
		all.addAll(articles(feeds, "thames-courier", "world", "World"));
		all.sort(Comparator.comparing(Article::publishedAt));
		RedisStoryClusters clusters = new RedisStoryClusters(this.redis, ClusterProperties.defaults(), () -> NOW);
		for (Article article : all) {
			clusters.assign(new StoryArticle(article.id(), article.publisherId(), article.title(), article.summary(),
					article.publishedAt()));
		}
		List<Article> shared = all.stream().filter(DemoStoriesClusterTest::shared).toList();
		assertThat(shared).extracting(Article::publisherId).contains("harbour-gazette", "thames-courier");
		int linked = 0;
		for (Article article : shared) {
			List<StoryMember> members = clusters.cluster(article.id());
			for (StoryMember member : members) {
				Article other = all.stream().filter(candidate -> candidate.id().equals(member.articleId())).findFirst()
						.orElseThrow();
				assertThat(other.publisherId()).isNotEqualTo(article.publisherId());
				assertThat(shared(other)).isTrue();
				assertThat(other.publishedAt().truncatedTo(ChronoUnit.HOURS))
						.isEqualTo(article.publishedAt().truncatedTo(ChronoUnit.HOURS));
			}
			linked += members.isEmpty() ? 0 : 1;
		}
		assertThat(linked).as("shared stories linked to another publisher's version").isGreaterThanOrEqualTo(4);
	}

	@Test
	void noOtherDemoStoriesClusterTogether() {
		this.redis.execute((RedisCallback<Object>) connection -> {
			connection.serverCommands().flushDb();
			return null;
		});
		// A day of the demo catalog: each render shows a feed's latest 15 items.
		Map<String, Article> byId = new LinkedHashMap<>();
		for (int hours = 0; hours <= 24; hours += 3) {
			Instant at = NOW.minus(Duration.ofHours(hours));
			DemoFeeds feeds = new DemoFeeds(new CatalogLoader().load("demo"), () -> at);
			for (String[] feed : new String[][]{{"harbour-gazette", "world", "World"},
					{"harbour-gazette", "sport", "Sport"}, {"southern-ledger", "business", "Business"},
					{"thames-courier", "world", "World"}, {"thames-courier", "culture", "Culture"},
					{"pennine-post", "sport", "Sport"}, {"capital-chronicle", "business", "Business"},
					{"capital-chronicle", "technology", "Technology"},
					{"prairie-science-review", "science", "Science"}}) {
				articles(feeds, feed[0], feed[1], feed[2]).forEach(article -> byId.putIfAbsent(article.id(), article));
			}
		}
		List<Article> all = new ArrayList<>(byId.values());
		all.sort(Comparator.comparing(Article::publishedAt));
		RedisStoryClusters clusters = new RedisStoryClusters(this.redis, ClusterProperties.defaults(), () -> NOW);
		for (Article article : all) {
			clusters.assign(new StoryArticle(article.id(), article.publisherId(), article.title(), article.summary(),
					article.publishedAt()));
		}
		List<String> wrong = new ArrayList<>();
		for (Article article : all) {
			for (StoryMember member : clusters.cluster(article.id())) {
				Article other = all.stream().filter(candidate -> candidate.id().equals(member.articleId())).findFirst()
						.orElseThrow();
				boolean sameStory = shared(article) && shared(other) && article.section().equals(other.section())
						&& other.publishedAt().truncatedTo(ChronoUnit.HOURS)
								.equals(article.publishedAt().truncatedTo(ChronoUnit.HOURS));
				if (!sameStory) {
					wrong.add(article.title() + " ~ " + other.title());
				}
			}
		}
		assertThat(wrong).as("unrelated demo stories in one cluster, of " + all.size()).isEmpty();
	}

}
