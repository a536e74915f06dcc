package io.newsstand.aggregator.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.internal.catalog.Catalog;
import io.newsstand.aggregator.internal.catalog.CatalogFeed;
import io.newsstand.aggregator.internal.catalog.CatalogLoader;
import io.newsstand.aggregator.internal.catalog.CatalogPublisher;
import io.newsstand.aggregator.internal.parse.ArticleNormalizer;
import io.newsstand.aggregator.internal.parse.FeedContext;
import io.newsstand.aggregator.internal.parse.FeedParser;
import io.newsstand.aggregator.internal.parse.HtmlSanitizer;
import io.newsstand.aggregator.internal.parse.ParseOutcome;
import io.newsstand.testing.SettableClock;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer reads in the demo: every article of every demo feed, over a
 * day of publishing, reads as a sample news story.
 */
class DemoContentTest {

	private static final String BASE = "http://127.0.0.1:8080";

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-04T06:00:00Z"));

	private final Catalog catalog = new CatalogLoader().load("demo");

	private final DemoFeeds feeds = new DemoFeeds(this.catalog, this.clock);

	private final DemoPictures pictures = new DemoPictures();

	/** Every article of every demo feed at four times of one day. */
	private List<Article> aDayOfArticles() {
		List<Article> articles = new ArrayList<>();
		for (int hour = 0; hour < 4; hour++) {
			for (CatalogPublisher publisher : this.catalog.publishers()) {
				for (CatalogFeed feed : publisher.feeds()) {
					String slug = feed.url().substring(feed.url().lastIndexOf('/') + 1).replace(".xml", "");
					String xml = this.feeds.render(publisher.id(), slug, BASE).orElseThrow().xml();
					ParseOutcome outcome = new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8),
							"application/rss+xml");
					articles.addAll(new ArticleNormalizer(new HtmlSanitizer())
							.normalize(((ParseOutcome.Parsed) outcome).feed(),
									new FeedContext(publisher.id(), publisher.name(), publisher.region(),
											publisher.language(), false, feed.section(), BASE + "/demo/feeds/x.xml",
											this.clock.instant()))
							.stream().map(normalized -> normalized.article()).toList());
				}
			}
			this.clock.advance(Duration.ofHours(6));
		}
		assertThat(articles).hasSizeGreaterThan(300);
		return articles;
	}

	@Test
	void headlinesAreInSentenceCaseAndNeverStartLowerCase() {
		assertThat(aDayOfArticles()).allSatisfy(article -> {
			char first = article.title().charAt(0);
			assertThat(Character.isUpperCase(first) || Character.isDigit(first)).as(article.title()).isTrue();
			assertThat(article.title()).doesNotContain("  ");
		});
	}

	@Test
	void everyArticleHasABylineAndAPictureWithCaptionAndCredit() {
		assertThat(aDayOfArticles()).allSatisfy(article -> {
			assertThat(article.author()).isNotBlank();
			assertThat(article.image()).isNotNull();
			assertThat(article.image().url()).startsWith(BASE + "/demo/images/").endsWith(".jpg");
			assertThat(article.image().caption()).isNotBlank().endsWith("(sample image)");
			assertThat(Character.isUpperCase(article.image().caption().charAt(0))).isTrue();
			assertThat(article.image().credit()).isNotBlank();
		});
	}

	@Test
	void noParagraphOrSentenceComesTwiceInOneArticle() {
		assertThat(aDayOfArticles()).allSatisfy(article -> {
			List<String> paragraphs = Jsoup.parse(article.body()).select("p").stream().map(Element::text).toList();
			assertThat(paragraphs).hasSizeGreaterThanOrEqualTo(5).doesNotHaveDuplicates();
			Set<String> sentences = new HashSet<>();
			for (String paragraph : paragraphs) {
				for (String sentence : paragraph.split("(?<=[.!?\"])\\s+")) {
					assertThat(sentences.add(sentence)).as("repeated in %s: %s", article.id(), sentence).isTrue();
				}
			}
			assertThat(article.body()).contains("synthetic sample content");
		});
	}

	@Test
	void everyPictureNamedIsASmallJpegTheAppServes() throws IOException {
		Set<String> names = new HashSet<>();
		for (Article article : aDayOfArticles()) {
			String url = article.image().url();
			names.add(url.substring(url.lastIndexOf('/') + 1).replace(".jpg", ""));
		}
		assertThat(names).hasSizeGreaterThan(30);
		for (String name : names) {
			byte[] jpeg = this.pictures.jpeg(name).orElseThrow();
			assertThat(jpeg.length).as(name).isLessThan(150_000);
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
			assertThat(image.getWidth()).isEqualTo(1200);
			assertThat(image.getHeight()).isEqualTo(675);
		}
	}

	@Test
	void picturesOfOneSectionDifferAndUnknownNamesAreNotServed() {
		assertThat(this.pictures.jpeg("world-1").orElseThrow())
				.isNotEqualTo(this.pictures.jpeg("world-2").orElseThrow());
		assertThat(this.pictures.jpeg("sport-1").orElseThrow())
				.isNotEqualTo(this.pictures.jpeg("world-1").orElseThrow());
		assertThat(this.pictures.jpeg("world-12")).isEmpty();
		assertThat(this.pictures.jpeg("gossip-1")).isEmpty();
		assertThat(this.pictures.jpeg("../etc-1")).isEmpty();
		assertThat(this.pictures.jpeg("world")).isEmpty();
	}

}
