package io.newsstand.web.reading;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.PublicTeaser;
import io.newsstand.aggregator.internal.parse.ArticleNormalizer;
import io.newsstand.aggregator.internal.parse.FeedContext;
import io.newsstand.aggregator.internal.parse.FeedParser;
import io.newsstand.aggregator.internal.parse.HtmlSanitizer;
import io.newsstand.aggregator.internal.parse.ParseOutcome;
import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12: an item without a description got the first 320 characters of its
 * body as standfirst, and every channel that shows a standfirst carried them.
 * The item goes through the aggregator's real parser and normaliser with the
 * app's own teaser; then no channel carries a word of the body past the teaser.
 */
@ResourceLock(SiteTest.CLOCK)
class StandfirstChannelsTest extends SiteTest {

	@Autowired
	Articles articles;

	@Autowired
	PublicTeaser teaser;

	private String id;

	@AfterEach
	void removeArticle() {
		if (this.id != null) {
			((FakeArticles) this.articles).remove(this.id);
		}
	}

	@Test
	void aDescriptionlessItemsChannelsCarryNoBodyTextBeyondTheTeaser() {
		StringBuilder content = new StringBuilder();
		for (int p = 1; p <= 8; p++) {
			// Every paragraph has words of its own: "wordP_N" (W1_1 ... W8_12).
			content.append("<p>");
			for (int w = 1; w <= 12; w++) {
				content.append("w").append(p).append('x').append(w).append(' ');
			}
			content.append("</p>");
		}
		String rss = """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
				<title>Ledger</title><link>https://ledger.example/</link><description>d</description>
				<item><title>Standfirst probe</title><link>https://ledger.example/probe</link>
				<guid>probe-%s</guid><pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate>
				<content:encoded><![CDATA[%s]]></content:encoded></item>
				</channel></rss>
				""".formatted(System.nanoTime(), content);
		ParseOutcome.Parsed parsed = (ParseOutcome.Parsed) new FeedParser()
				.parse(rss.strip().getBytes(StandardCharsets.UTF_8), null);
		Article article = new ArticleNormalizer(new HtmlSanitizer(), this.teaser)
				.normalize(parsed.feed(), new FeedContext(FakeArticles.PAID_PUBLISHER, "Daily Ledger", "UK", "en",
						false, "Business", "https://ledger.example/feed", Instant.now()))
				.get(0).article();
		this.id = article.id();
		((FakeArticles) this.articles).put(article);

		String shown = this.teaser.of(article.body());
		assertThat(shown).contains("w1x1").doesNotContain("w3x1");
		assertThat(article.summary()).isNotEmpty();
		assertThat(shown.replace(" …", "")).startsWith(article.summary().replace("…", "").strip());

		for (String path : List.of("/articles/" + this.id, "/api/v1/articles/" + this.id,
				"/api/v1/articles?publisher=" + FakeArticles.PAID_PUBLISHER + "&limit=50",
				"/publishers/" + FakeArticles.PAID_PUBLISHER, "/sections/business", "/")) {
			String body = client().get(path).body();
			assertThat(bodyWords(shown)).as(path).containsAll(bodyWords(body));
		}
		String page = client().get("/articles/" + this.id).body();
		assertThat(page).contains("<meta name=\"description\"").contains("og:description")
				.contains("application/ld+json");
		assertThat(bodyWords(page)).contains("w1x1");
	}

	/** Every body word ({@code wPxN}) the response carries. */
	private static List<String> bodyWords(String response) {
		Matcher matcher = Pattern.compile("\\bw\\d+x\\d+\\b").matcher(response);
		return matcher.results().map(result -> result.group()).distinct().toList();
	}

}
