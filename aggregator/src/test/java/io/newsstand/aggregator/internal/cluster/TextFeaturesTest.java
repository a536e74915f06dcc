package io.newsstand.aggregator.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextFeaturesTest {

	private static int[] features(String title, String lead) {
		return TextFeatures.of(title, lead, 400);
	}

	@Test
	void markupAndEntitiesInTitlesAreReadAsText() {
		assertThat(features("<em>Exclusive:</em> Hollis &amp; aides <b>quit</b>", ""))
				.isEqualTo(features("Exclusive: Hollis & aides quit", ""));
	}

	@Test
	void scriptAndStyleContentNeverBecomesFeatures() {
		assertThat(features("Hollis quits<script>alert('pwned')</script>", "")).isEqualTo(features("Hollis quits", ""));
	}

	@Test
	void accentsOfLatinLettersAreFolded() {
		assertThat(features("Zürich café reopens", "")).isEqualTo(features("Zurich cafe reopens", ""));
	}

	@Test
	void japaneseWithoutSpacesIsComparedByCharacterBigrams() {
		int[] a = features("青森県沖でマグニチュード7.1の地震 津波警報", "");
		int[] b = features("青森県沖 M7.1の地震 太平洋沿岸に津波警報", "");
		int[] unrelated = features("東京株式市場 日経平均が続落", "");

		assertThat(a).isNotEmpty();
		assertThat(Similarity.jaccard(a, b)).isGreaterThan(0.25);
		assertThat(Similarity.jaccard(a, unrelated)).isLessThan(0.1);
	}

	@Test
	void greekKeepsItsMarks() {
		assertThat(features("Πυρκαγιά στην Αττική", "")).isNotEmpty()
				.isNotEqualTo(features("Πυρκαγια στην Αττικη", ""));
	}

	@Test
	void onlyTheStartOfAHugeLeadCountsAndQuickly() {
		String lead = "Storm Imogen left 200,000 homes without power in Scotland. ";
		String huge = lead + "filler words repeated endlessly ".repeat(200_000);

		long start = System.nanoTime();
		int[] hugeFeatures = TextFeatures.of("Storm Imogen", huge, 60);
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(hugeFeatures).isEqualTo(TextFeatures.of("Storm Imogen", lead, 60));
		assertThat(took).isLessThan(Duration.ofMillis(200));
	}

	@Test
	void stopWordsAndPunctuationAloneGiveNoFeatures() {
		assertThat(features("The and of -- !!!", "It was, as they said, what it is.")).isEmpty();
	}

	@Test
	void namesAndNumbersWeighTwice() {
		assertThat(features("", "talks with Merz")).hasSize(3); // talk, merz, merz-as-name
		assertThat(features("", "Talks with merz")).hasSize(2); // sentence start and lower case are no names
		assertThat(features("", "rates at 4.5")).hasSize(3);
	}

	@Test
	void titleCaseHeadlinesDoNotMakeEveryWordAName() {
		assertThat(features("Fed Holds Rates Steady Again", "")).hasSize(4);
	}

	@ParameterizedTest
	@CsvSource({"cuts,cut", "cutting,cut", "holds,hold", "rallies,rally", "raised,rais", "raise,rais", "taxes,tax",
			"bus,bus", "crisis,crisis", "uk,uk"})
	void lightStemmingMeetsCommonForms(String word, String stem) {
		assertThat(TextFeatures.stem(word)).isEqualTo(stem);
	}

	@Test
	void featuresAreSortedAndDistinct() {
		int[] f = features("Cuts cuts CUTS and more cuts", "Cuts again in 2026, 2026.");
		assertThat(f).isSorted().doesNotHaveDuplicates();
	}

}
