package io.newsstand.aggregator.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.PublicTeaser;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ArticleNormalizerTest {

	private static final Instant NOW = Instant.parse("2025-06-04T00:00:00Z");

	private final FeedParser parser = new FeedParser();

	/** A paywall teaser for these tests: the body's first paragraph. */
	private static final PublicTeaser FIRST_PARAGRAPH = body -> {
		Element first = Jsoup.parseBodyFragment(body).selectFirst("p");
		return (first == null) ? "" : first.text();
	};

	private final ArticleNormalizer normalizer = new ArticleNormalizer(new HtmlSanitizer(), FIRST_PARAGRAPH);

	private List<NormalizedArticle> normalize(String fixture) {
		ParsedFeed feed = ((ParseOutcome.Parsed) this.parser.parse(Fixtures.bytes(fixture), null)).feed();
		return this.normalizer.normalize(feed, new FeedContext("synthetic", "Synthetic Times", "UK", "en-GB", false,
				"World", "https://news.example.org/feed.xml", NOW));
	}

	@Test
	void rssItemBecomesACleanArticle() {
		NormalizedArticle normalized = normalize("rss20-full.xml").get(0);
		Article article = normalized.article();
		assertThat(article.title()).isEqualTo("Harbour & bridge reopen after storm");
		assertThat(article.url()).isEqualTo("https://news.example.org/world/harbour?id=7");
		assertThat(article.author()).isEqualTo("Ada Writer");
		assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-06-03T09:30:00Z"));
		assertThat(article.summary()).isEqualTo("The harbour reopened on Tuesday.");
		assertThat(article.body()).doesNotContain("script", "onclick")
				.contains("<a href=\"https://news.example.org/more\" rel=\"nofollow noopener noreferrer\">");
		assertThat(article.image()).isNotNull();
		assertThat(article.image().url()).isEqualTo("https://cdn.example.org/harbour.jpg");
		assertThat(article.image().caption()).isEqualTo("Boats return to the harbour");
		assertThat(article.image().credit()).isEqualTo("Photo: J. Doe");
		assertThat(article.categories()).containsExactly("World", "Weather");
		assertThat(article.language()).isEqualTo("en-GB");
		assertThat(article.section()).isEqualTo("World");
		assertThat(article.wordCount()).isEqualTo(12);
		assertThat(article.readingMinutes()).isEqualTo(1);
		assertThat(normalized.identity()).isEqualTo("g:synthetic-1");
	}

	@Test
	void itemWithoutGuidIsIdentifiedByItsCanonicalUrlAndItsEnclosureIsTheImage() {
		NormalizedArticle second = normalize("rss20-full.xml").get(1);
		assertThat(second.identity()).isEqualTo("u:https://news.example.org/business/second");
		assertThat(second.article().body()).isEqualTo("Plain summary only, no content.");
		assertThat(second.article().image().url()).isEqualTo("https://cdn.example.org/second.png");
	}

	@Test
	void atomRelativeLinksResolveAgainstTheFeedsXmlBaseBeforeTheEntryLink() {
		Article article = normalize("atom10-base.xml").get(0).article();
		assertThat(article.title()).isEqualTo("Atom entry");
		// xml:base="https://blog.example.net/" on the feed; the entry's link is
		// https://blog.example.net/posts/atom-entry.
		assertThat(article.body()).contains("href=\"https://blog.example.net/relative/page\"");
		assertThat(article.updatedAt()).isEqualTo(Instant.parse("2025-06-02T09:00:00Z"));
	}

	@Test
	void withoutXmlBaseAtomRelativeLinksResolveAgainstTheEntryLink() {
		Article article = normalize("atom10-no-base.xml").get(0).article();
		assertThat(article.body()).contains("href=\"https://blog.example.net/posts/relative/page\"");
	}

	@Test
	void theNearestXmlBaseOfContentEntryAndFeedApplies() {
		List<NormalizedArticle> articles = normalize("atom10-xml-base.xml");
		assertThat(articles).extracting(normalized -> normalized.article().body()).containsExactly(
				"<p><a href=\"https://base.example.com/feed/a/page\" rel=\"nofollow noopener noreferrer\">one</a></p>",
				"<p><img src=\"https://base.example.com/entries/two/pic.jpg\" alt=\"two\" loading=\"lazy\"></p>",
				"<p><a href=\"https://entry.example.org/e/up\" rel=\"nofollow noopener noreferrer\">three</a></p>",
				"<a href=\"https://summary.example.net/s/x\" rel=\"nofollow noopener noreferrer\">four</a>",
				"<a href=\"https://base.example.com/feed/five\" rel=\"nofollow noopener noreferrer\">five</a>");
		// The body's first image is the lead image, resolved against the same base.
		assertThat(articles.get(1).article().image().url()).isEqualTo("https://base.example.com/entries/two/pic.jpg");
	}

	@Test
	void rssXmlBaseAppliesToContentAndDescriptionBodies() {
		List<NormalizedArticle> articles = normalize("rss20-xml-base.xml");
		assertThat(articles.get(0).article().body()).contains("href=\"https://rss.example.com/items/one/more\"");
		assertThat(articles.get(1).article().body()).contains("href=\"https://rss.example.com/feed/two\"");
	}

	@Test
	void aRelativeFeedXmlBaseResolvesAgainstTheFeedsUrl() {
		Article article = normalize("atom10-relative-base.xml").get(0).article();
		// The feed is https://news.example.org/feed.xml; xml:base="/blog/".
		assertThat(article.body()).contains("href=\"https://news.example.org/blog/images/\"");
	}

	@Test
	void futureDatesAreClampedAndMissingTitlesComeFromTheText() {
		Article article = normalize("jsonfeed11.json").get(1).article();
		assertThat(article.publishedAt()).isEqualTo(NOW);
		assertThat(article.title()).isEqualTo("First paragraph.");
	}

	/**
	 * Issue 12: without a description the standfirst was the first 320 characters
	 * of the body, shown on list pages, in meta tags and JSON-LD.
	 */
	@Test
	void aStandfirstDerivedFromTheBodyShowsNoMoreThanTheTeaser() {
		String body = "<p>Opening words.</p>" + "<p>Paid words that only members read.</p>".repeat(10);
		ParsedItem item = new ParsedItem("g1", "https://x.example/a", "A title", null, null, null, null, body,
				List.of(), List.of(), null);
		ParsedFeed feed = new ParsedFeed("rss_2.0", "Feed", "https://x.example/", null, null, List.of(item));
		FeedContext context = new FeedContext("p", "P", "UK", "en", false, null, "https://x.example/feed", NOW);

		assertThat(this.normalizer.normalize(feed, context).get(0).article().summary()).isEqualTo("Opening words.");
		Article withoutRule = new ArticleNormalizer(new HtmlSanitizer()).normalize(feed, context).get(0).article();
		assertThat(withoutRule.summary()).isEmpty();
		assertThat(withoutRule.body()).contains("Paid words");
	}

	@Test
	void trackingParametersAreRemovedFromJsonFeedUrls() {
		assertThat(normalize("jsonfeed11.json").get(0).article().url()).isEqualTo("https://json.example.com/a");
	}

	@Test
	void undatedItemsGetTheFirstSeenTime() {
		assertThat(normalize("rss091-doctype.xml").get(0)).satisfies(normalized -> {
			assertThat(normalized.dated()).isFalse();
			assertThat(normalized.article().publishedAt()).isEqualTo(NOW);
		});
	}

	@Test
	void aGuidRepeatedOnEveryItemDoesNotCollapseTheFeed() {
		ParsedItem a = new ParsedItem("same", "https://x.example/a", "A", null, null, null, null, "<p>a</p>", List.of(),
				List.of(), null);
		ParsedItem b = new ParsedItem("same", "https://x.example/b", "B", null, null, null, null, "<p>b</p>", List.of(),
				List.of(), null);
		List<NormalizedArticle> articles = this.normalizer.normalize(
				new ParsedFeed("rss_2.0", "x", "https://x.example/", null, null, List.of(a, b)),
				new FeedContext("x", "X", "US", "en", false, null, "https://x.example/feed", NOW));
		assertThat(articles).extracting(n -> n.article().id()).doesNotHaveDuplicates();
	}

	@Test
	void aChangedTitleKeepsTheIdButChangesTheContentHash() {
		ParsedItem before = new ParsedItem("g1", "https://x.example/a", "Old title", null, null, null, null, "<p>a</p>",
				List.of(), List.of(), null);
		ParsedItem after = new ParsedItem("g1", "https://x.example/a", "New title", null, null, null, null, "<p>a</p>",
				List.of(), List.of(), null);
		FeedContext context = new FeedContext("x", "X", "US", "en", false, null, "https://x.example/feed", NOW);
		NormalizedArticle one = this.normalizer
				.normalize(new ParsedFeed("rss_2.0", "x", null, null, null, List.of(before)), context).get(0);
		NormalizedArticle two = this.normalizer
				.normalize(new ParsedFeed("rss_2.0", "x", null, null, null, List.of(after)), context).get(0);
		assertThat(two.article().id()).isEqualTo(one.article().id());
		assertThat(two.contentHash()).isNotEqualTo(one.contentHash());
	}

}
