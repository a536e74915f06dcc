package io.newsstand.aggregator.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkerTest {

	private final Marker marker = new Marker(SearchSchema.analyzer());

	@Test
	void marksEveryAnalysedMatchAndEscapesTheRest() {
		String html = this.marker.mark("title", "Storms <b>& \"storming\" O'Neil's storm", Set.of("storm"), 1000,
				false);

		assertThat(html).isEqualTo(
				"<mark>Storms</mark> &lt;b&gt;&amp; &quot;<mark>storming</mark>&quot; O&#39;Neil&#39;s <mark>storm</mark>");
	}

	@Test
	void withoutAMatchItAnswersNothingOrThePlainText() {
		assertThat(this.marker.mark("summary", "Calm <seas>", Set.of("storm"), 1000, true)).isNull();
		assertThat(this.marker.mark("summary", "Calm <seas>", Set.of("storm"), 1000, false))
				.isEqualTo("Calm &lt;seas&gt;");
	}

	@Test
	void longTextIsCutAroundTheFirstMatchAtWordBoundaries() {
		String text = "word ".repeat(200) + "storm warning issued " + "tail ".repeat(200);

		String html = this.marker.mark("summary", text, Set.of("storm"), 100, true);

		assertThat(html).startsWith("\u2026 word").endsWith("tail \u2026".strip()).contains("<mark>storm</mark>");
		assertThat(html.length()).isLessThan(160);
	}

	@Test
	void findsTheQueryTermsPerFieldWithoutProhibitedOnes() {
		var query = new QueryFactory(SearchSchema.analyzer(), SearchProperties.defaults(Path.of("x")))
				.words("oil prices", true);

		Map<String, Set<String>> terms = Marker.terms(query);

		assertThat(terms.get("title")).containsExactlyInAnyOrder("oil", "price");
		assertThat(terms.get("body")).containsExactlyInAnyOrder("oil", "price");
	}

}
