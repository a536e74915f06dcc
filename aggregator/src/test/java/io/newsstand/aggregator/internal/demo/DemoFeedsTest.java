package io.newsstand.aggregator.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.internal.catalog.CatalogLoader;
import io.newsstand.aggregator.internal.demo.DemoFeeds.DemoFeed;
import io.newsstand.aggregator.internal.parse.ArticleNormalizer;
import io.newsstand.aggregator.internal.parse.FeedContext;
import io.newsstand.aggregator.internal.parse.FeedItems;
import io.newsstand.aggregator.internal.parse.FeedParser;
import io.newsstand.aggregator.internal.parse.HtmlSanitizer;
import io.newsstand.aggregator.internal.parse.ParseOutcome;
import io.newsstand.aggregator.internal.parse.XmlCleaner;
import io.newsstand.testing.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoFeedsTest {

	private final SettableClock clock = new SettableClock(Instant.parse("2025-06-04T12:00:00Z"));

	private final DemoFeeds feeds = new DemoFeeds(new CatalogLoader().load("demo"), this.clock);

	private List<Article> articles(DemoFeed feed) {
		ParseOutcome outcome = new FeedParser().parse(feed.xml().getBytes(StandardCharsets.UTF_8),
				"application/rss+xml");
		assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
		return new ArticleNormalizer(new HtmlSanitizer())
				.normalize(((ParseOutcome.Parsed) outcome).feed(),
						new FeedContext("harbour-gazette", "H", "AU", "en-AU", false, "World",
								"http://127.0.0.1:8080/demo/feeds/x.xml", this.clock.instant()))
				.stream().map(n -> n.article()).toList();
	}

	@Test
	void aDemoFeedIsDeterministicAndCarriesFullSampleArticles() {
		DemoFeed first = this.feeds.render("harbour-gazette", "world", "http://127.0.0.1:8080").orElseThrow();
		DemoFeed again = this.feeds.render("harbour-gazette", "world", "http://127.0.0.1:8080").orElseThrow();
		assertThat(again).isEqualTo(first);
		List<Article> articles = articles(first);
		assertThat(articles).hasSize(DemoFeeds.ITEMS).allSatisfy(article -> {
			assertThat(article.author()).isNotBlank();
			assertThat(article.image()).isNotNull();
			assertThat(article.image().caption()).contains("sample image");
			assertThat(article.image().url()).startsWith("http://127.0.0.1:8080/demo/images/");
			assertThat(article.body()).contains("synthetic sample content");
			assertThat(article.body().split("<p>")).hasSizeGreaterThan(4);
			assertThat(article.url()).doesNotContain("utm_");
		});
	}

	@Test
	void newItemsAppearOverTimeWithNewValidators() {
		DemoFeed before = this.feeds.render("harbour-gazette", "world", "http://x").orElseThrow();
		this.clock.advance(Duration.ofMinutes(13));
		DemoFeed after = this.feeds.render("harbour-gazette", "world", "http://x").orElseThrow();
		assertThat(after.etag()).isNotEqualTo(before.etag());
		assertThat(after.lastModified()).isAfter(before.lastModified());
		assertThat(articles(after).get(1).id()).isEqualTo(articles(before).get(0).id());
	}

	@Test
	void aNewDemoItemLeavesTheOthersAndTheShellAsTheyWere() {
		// What lets the poller parse only the new item (FeedItems, ItemMemory).
		DemoFeed before = this.feeds.render("harbour-gazette", "world", "http://x").orElseThrow();
		this.clock.advance(Duration.ofMinutes(13));
		DemoFeed after = this.feeds.render("harbour-gazette", "world", "http://x").orElseThrow();
		FeedItems old = FeedItems.of(XmlCleaner.clean(before.xml()));
		FeedItems now = FeedItems.of(XmlCleaner.clean(after.xml()));
		assertThat(old).isNotNull();
		assertThat(now).isNotNull();
		assertThat(now.shell()).isEqualTo(old.shell());
		assertThat(now.digests().subList(1, now.size())).isEqualTo(old.digests().subList(0, old.size() - 1));
		assertThat(now.digests().get(0)).isNotIn(old.digests());
	}

	@Test
	void unknownFeedsAreNotServed() {
		assertThat(this.feeds.render("harbour-gazette", "gossip", "http://x")).isEmpty();
		assertThat(this.feeds.render("nobody", "world", "http://x")).isEmpty();
	}

}
