package io.newsstand.web.paywall;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class TeasersTest {

	private static String paragraph(String word, int words) {
		return "<p>" + (word + " ").repeat(words).strip() + "</p>";
	}

	@Test
	void theTeaserIsTheOpeningParagraphsWithinAQuarterOfTheWords() {
		String body = paragraph("one", 10) + paragraph("two", 10) + paragraph("three", 10) + paragraph("four", 50)
				+ paragraph("secret", 20);
		String teaser = Teasers.opening(body, 0.25);
		assertThat(teaser).contains("one").contains("two").doesNotContain("three").doesNotContain("secret");
		assertThat(Teasers.words(Jsoup.parse(teaser).text())).isLessThanOrEqualTo(25);
	}

	@Test
	void aLongFirstParagraphIsCutToTheShareWithAnEllipsis() {
		String body = "<p>" + "word ".repeat(100).strip() + " secret</p>";
		String teaser = Teasers.opening(body, 0.25);
		assertThat(teaser).endsWith(" …</p>").doesNotContain("secret");
		assertThat(Teasers.words(Jsoup.parse(teaser).text())).isEqualTo(26);
	}

	@Test
	void theShareIsConfigurable() {
		String body = paragraph("a", 10) + paragraph("b", 10) + paragraph("c", 10) + paragraph("d", 10);
		assertThat(Teasers.opening(body, 0.5)).contains("b").doesNotContain("c");
		assertThat(Teasers.opening(body, 0.25)).contains("a").doesNotContain("b");
	}

	@Test
	void markupInACutParagraphIsEscapedAsText() {
		String body = "<p>" + "x ".repeat(40) + "&lt;script&gt; end</p>";
		assertThat(Teasers.opening(body, 0.1)).doesNotContain("<script");
	}

}
