package io.newsstand.web.cards;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteTest;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A plain card rendered once is the card template's output, escaped as the
 * template escapes, and a story that changes gets a new card, never the old one
 * from the cache.
 */
class PlainCardsTest extends SiteTest {

	@Autowired
	Cards cards;

	@Test
	void aPlainCardIsTheTemplatesEscapedCardAndFollowsTheStory() {
		ArticleSummary story = story("Talks <b>resume</b> & end", "https://cdn.publisher.example/talks.jpg");
		String html = this.cards.plain(story);
		assertThat(html).contains("Talks &lt;b&gt;resume&lt;/b&gt; &amp; end").doesNotContain("<b>resume</b>");
		Element card = Jsoup.parseBodyFragment(html).selectFirst("article.card");
		assertThat(card).isNotNull();
		assertThat(card.hasClass("card-lead")).isFalse();
		assertThat(card.selectFirst("a.card-link").attr("href")).isEqualTo("/articles/plain-card");
		assertThat(card.selectFirst("img.card-image").attr("src")).startsWith("/img/");
		assertThat(card.selectFirst("img.card-image").attr("loading")).isEqualTo("lazy");
		assertThat(this.cards.plain(story)).isSameAs(html);

		ArticleSummary renamed = story("Talks end", null);
		String changed = this.cards.plain(renamed);
		assertThat(changed).contains("Talks end").doesNotContain("resume").doesNotContain("card-image");
		assertThat(Jsoup.parseBodyFragment(changed).selectFirst("article.card").hasClass("card-text")).isTrue();
	}

	private static ArticleSummary story(String title, String imageUrl) {
		return new ArticleSummary("plain-card", title, "https://example.com/plain-card", FakeArticles.PAID_PUBLISHER,
				"Daily Ledger", "World", "Ann Writer", Instant.parse("2026-03-01T08:00:00Z"), imageUrl,
				"The standfirst.", false, 3);
	}

}
