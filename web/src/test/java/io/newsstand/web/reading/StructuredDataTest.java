package io.newsstand.web.reading;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Article;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The article page's JSON-LD is written once per article version, and a
 * corrected headline or a later update is a new version.
 */
class StructuredDataTest {

	private static final Instant PUBLISHED = Instant.parse("2026-12-01T08:00:00Z");

	private final StructuredData structuredData = new StructuredData(JsonMapper.builder().build());

	@Test
	void anUnchangedArticleIsWrittenOnceAndACorrectionIsWrittenAgain() {
		String first = this.structuredData.of(article("Harbour closes", PUBLISHED), "https://news.example/a/1");
		assertThat(this.structuredData.of(article("Harbour closes", PUBLISHED), "https://news.example/a/1"))
				.isSameAs(first);
		assertThat(first).contains("\"headline\":\"Harbour closes\"").contains("\"isAccessibleForFree\":false")
				.doesNotContain("SECRET");

		assertThat(this.structuredData.of(article("Harbour reopens", PUBLISHED), "https://news.example/a/1"))
				.contains("\"headline\":\"Harbour reopens\"");
		assertThat(this.structuredData.of(article("Harbour closes", PUBLISHED.plusSeconds(600)),
				"https://news.example/a/1")).contains("\"dateModified\":\"2026-12-01T08:10:00Z\"");
		assertThat(this.structuredData.of(article("Harbour closes", PUBLISHED), "https://other.example/a/1"))
				.contains("https://other.example/a/1");
	}

	@Test
	void markupInAHeadlineCannotEndTheScriptElement() {
		assertThat(
				this.structuredData.of(article("</script><script>alert(1)</script>", PUBLISHED), "https://n.example"))
				.doesNotContain("<").doesNotContain(">");
	}

	private static Article article(String title, Instant updated) {
		return new Article("a-1", title, "https://publisher.example/1", "daily-ledger", "Daily Ledger", "World", "UK",
				"Ann Writer", PUBLISHED, updated, "The standfirst.", "<p>SECRET body</p>", null, List.of(), "en", 3, 1,
				false);
	}

}
