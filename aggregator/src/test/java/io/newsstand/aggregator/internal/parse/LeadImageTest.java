package io.newsstand.aggregator.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.ArticleImage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The lead image of an article, from each place a feed may put it, with the
 * caption and credit the feed gives.
 */
class LeadImageTest {

	private final FeedParser parser = new FeedParser();

	private final ArticleNormalizer normalizer = new ArticleNormalizer(new HtmlSanitizer());

	private Map<String, Article> byTitle(String fixture) {
		ParsedFeed feed = ((ParseOutcome.Parsed) this.parser.parse(Fixtures.bytes(fixture), null)).feed();
		List<Article> articles = this.normalizer
				.normalize(feed,
						new FeedContext("images", "Images", "UK", "en-GB", false, "World",
								"https://images.example.org/feed.xml", Instant.parse("2025-06-04T00:00:00Z")))
				.stream().map(NormalizedArticle::article).toList();
		return articles.stream().collect(Collectors.toMap(Article::title, Function.identity()));
	}

	@Test
	void mediaContentGivesUrlCaptionFromDescriptionAndCredit() {
		assertThat(byTitle("lead-images.xml").get("Media content with caption and credit").image())
				.isEqualTo(new ArticleImage("https://cdn.example.org/harbour.jpg", "Boats at dawn in the harbour.",
						"Ana Photographer/Agency"));
	}

	@Test
	void mediaTitleIsTheCaptionWhenThereIsNoDescription() {
		assertThat(byTitle("lead-images.xml").get("Media title as caption").image())
				.isEqualTo(new ArticleImage("https://cdn.example.org/title-only.png", "The title caption", null));
	}

	@Test
	void aThumbnailAloneIsTheLeadImage() {
		assertThat(byTitle("lead-images.xml").get("Thumbnail only").image())
				.isEqualTo(new ArticleImage("https://cdn.example.org/thumb.jpg", "Thumbnail caption", null));
	}

	@Test
	void anImageEnclosureCountsAndAnAudioOneDoesNot() {
		Map<String, Article> articles = byTitle("lead-images.xml");
		assertThat(articles.get("Image enclosure after an audio one").image().url())
				.isEqualTo("https://cdn.example.org/enclosure.webp");
		assertThat(articles.get("No image").image()).isNull();
	}

	@Test
	void anItemsItunesImageIsItsLeadImageButTheShowArtIsNot() {
		Map<String, Article> articles = byTitle("lead-images.xml");
		assertThat(articles.get("Episode art").image().url()).isEqualTo("https://cdn.example.org/episode-art.jpg");
		assertThat(articles.values()).noneMatch(article -> article.image() != null
				&& article.image().url().equals("https://images.example.org/show-art.jpg"));
	}

	@Test
	void otherwiseTheFirstRealPictureOfTheBodyWithItsFigcaption() {
		Map<String, Article> articles = byTitle("lead-images.xml");
		assertThat(articles.get("Body figure").image()).isEqualTo(new ArticleImage(
				"https://images.example.org/photos/market.jpg", "Stalls at the Saturday market.", null));
		assertThat(articles.get("Body image with alt").image())
				.isEqualTo(new ArticleImage("https://cdn.example.org/inline.jpg", "A bridge at night", null));
	}

	@Test
	void jsonFeedImageThenBannerImage() {
		Map<String, Article> articles = byTitle("lead-images.json");
		assertThat(articles.get("Image").image().url()).isEqualTo("https://cdn.example.org/json-image.jpg");
		assertThat(articles.get("Banner only").image().url()).isEqualTo("https://cdn.example.org/json-banner-only.jpg");
	}

}
