package io.newsstand.aggregator.internal.search;

import static io.newsstand.aggregator.internal.search.Articles.NOW;
import static io.newsstand.aggregator.internal.search.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.newsstand.aggregator.SearchDocument;
import io.newsstand.aggregator.SearchHit;
import io.newsstand.aggregator.SearchHit.SnippetSource;
import io.newsstand.aggregator.SearchQuery;
import io.newsstand.aggregator.SearchResults;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuceneArticleSearchTest {

	@TempDir
	Path dir;

	private SearchIndex index;

	private LuceneArticleSearch search;

	@BeforeEach
	void openIndex() throws IOException {
		SearchProperties properties = SearchProperties.defaults(this.dir);
		this.index = SearchIndex.open(this.dir, SearchSchema.analyzer(), 20_000);
		this.search = new LuceneArticleSearch(() -> this.index, () -> true, SearchSchema.analyzer(), properties,
				InstantSource.fixed(NOW));
	}

	@AfterEach
	void closeIndex() throws IOException {
		this.index.close();
	}

	private void add(SearchDocument... articles) throws IOException {
		for (SearchDocument article : articles) {
			this.index.upsert(article);
		}
		this.index.refresh();
	}

	private SearchResults find(String text) {
		return this.search.search(SearchQuery.of(text).withBodyVisible(true));
	}

	private static SearchDocument full(String id, String title, String summary, String author, String teaser,
			String body) {
		return new SearchDocument(id, "capital-times", "Business", title, summary, author, teaser, body,
				NOW.minusSeconds(3600));
	}

	@Test
	void findsWordsInTitleSummaryAuthorAndBody() throws IOException {
		add(full("t", "Harbour tunnel opens", "", "", "", ""), full("s", "x", "Ferry timetable changes", "", "", ""),
				full("a", "y", "", "Priya Raman", "", ""), full("b", "z", "", "", "", "<p>Lighthouse keepers</p>"));

		assertThat(find("tunnel").hits()).extracting(SearchHit::articleId).containsExactly("t");
		assertThat(find("timetable").hits()).extracting(SearchHit::articleId).containsExactly("s");
		assertThat(find("raman").hits()).extracting(SearchHit::articleId).containsExactly("a");
		assertThat(find("lighthouse").hits()).extracting(SearchHit::articleId).containsExactly("b");
	}

	@Test
	void everyWordOfTheQueryMustMatch() throws IOException {
		add(article("both", "Oil prices jump", "Brent crude rose"), article("one", "Oil spill cleanup", "Beaches"));

		assertThat(find("oil prices").hits()).extracting(SearchHit::articleId).containsExactly("both");
		assertThat(find("\"prices jump\"").hits()).extracting(SearchHit::articleId).containsExactly("both");
	}

	@Test
	void filtersByPublisherSectionAndDateRange() throws IOException {
		Instant monday = Instant.parse("2026-03-02T10:00:00Z");
		Instant thursday = Instant.parse("2026-03-05T10:00:00Z");
		add(new SearchDocument("ct-biz", "capital-times", "Business", "Rates decision", "", "", "", "", monday),
				new SearchDocument("ct-world", "capital-times", "World", "Rates decision", "", "", "", "", thursday),
				new SearchDocument("np-biz", "northern-post", "Business", "Rates decision", "", "", "", "", thursday));

		SearchQuery rates = SearchQuery.of("rates");
		assertThat(this.search.search(rates.withPublishers(Set.of("capital-times"))).hits())
				.extracting(SearchHit::articleId).containsExactlyInAnyOrder("ct-biz", "ct-world");
		assertThat(this.search.search(rates.withSections(Set.of("business"))).hits()).extracting(SearchHit::articleId)
				.containsExactlyInAnyOrder("ct-biz", "np-biz");
		assertThat(this.search.search(rates.between(Instant.parse("2026-03-04T00:00:00Z"), null)).hits())
				.extracting(SearchHit::articleId).containsExactlyInAnyOrder("ct-world", "np-biz");
		assertThat(this.search.search(rates.between(null, thursday)).hits()).extracting(SearchHit::articleId)
				.containsExactly("ct-biz");
		assertThat(this.search.search(rates.between(thursday, monday)).hits()).isEmpty();
	}

	@Test
	void aRecentArticleRanksAboveAnEquallyRelevantOldOne() throws IOException {
		add(new SearchDocument("old", "p", "", "Storm warning", "", "", "", "", NOW.minus(Duration.ofDays(20))),
				new SearchDocument("new", "p", "", "Storm warning", "", "", "", "", NOW.minus(Duration.ofHours(2))));

		assertThat(find("storm warning").hits()).extracting(SearchHit::articleId).containsExactly("new", "old");
	}

	@Test
	void aTitleMatchRanksAboveABodyMatch() throws IOException {
		add(article("body", "Council meeting", "The budget was discussed at length"),
				article("title", "Budget passes", "The council met"));

		assertThat(find("budget").hits()).extracting(SearchHit::articleId).containsExactly("title", "body");
	}

	@Test
	void snippetsMarkMatchedWordsAndEscapeEverythingElse() throws IOException {
		add(full("x", "Profits < forecast as aides \"quit\" & go",
				"Aides &lt;img src=x onerror=alert(1)&gt; quit after the memo's leak", "", "", ""));

		SearchHit hit = find("aides").hits().get(0);

		assertThat(hit.titleHtml()).contains("<mark>aides</mark>").contains("&lt; forecast").contains("&amp; go");
		assertThat(hit.snippetHtml()).contains("<mark>Aides</mark>").contains("&lt;img");
		assertThat(withoutMarks(hit.titleHtml())).doesNotContain("<", ">", "\"");
		assertThat(withoutMarks(hit.snippetHtml())).doesNotContain("<", ">", "'");
	}

	@Test
	void withoutBodyAccessSnippetsComeOnlyFromSummaryAndTeaser() throws IOException {
		add(full("paywalled", "Inquiry findings", "The inquiry reported on Tuesday.", "",
				"The inquiry reported on Tuesday. Its chair said",
				"<p>The inquiry reported on Tuesday. Its chair said the secret payments totalled millions.</p>"));

		SearchHit member = this.search.search(SearchQuery.of("secret payments").withBodyVisible(true)).hits().get(0);
		SearchHit visitor = this.search.search(SearchQuery.of("findings")).hits().get(0);
		SearchHit visitorOnTeaser = this.search.search(SearchQuery.of("chair")).hits().get(0);

		assertThat(member.snippetSource()).isEqualTo(SnippetSource.BODY);
		assertThat(member.snippetHtml()).contains("<mark>secret</mark> <mark>payments</mark>");
		assertThat(visitor.snippetSource()).isEqualTo(SnippetSource.SUMMARY);
		assertThat(visitor.snippetHtml()).doesNotContain("secret", "payments", "millions");
		assertThat(visitorOnTeaser.snippetSource()).isEqualTo(SnippetSource.TEASER);
		assertThat(visitorOnTeaser.snippetHtml()).contains("<mark>chair</mark>").doesNotContain("secret");
	}

	@Test
	void withoutBodyAccessWordsMatchOnlyTitleAuthorSummaryAndTeaser() throws IOException {
		add(full("paywalled", "Inquiry findings", "The inquiry reported on Tuesday.", "Priya Raman",
				"The inquiry reported on Tuesday. Its chair said",
				"<p>The inquiry reported on Tuesday. Its chair said the secret payments totalled millions.</p>"));

		for (String bodyOnly : new String[]{"secret", "\"secret payments\"", "inquiry millions",
				"\"totalled millions\""}) {
			SearchResults visitor = this.search.search(SearchQuery.of(bodyOnly));
			assertThat(visitor.hits()).as(bodyOnly).isEmpty();
			assertThat(visitor.totalHits()).as(bodyOnly).isZero();
			assertThat(find(bodyOnly).hits()).as(bodyOnly).extracting(SearchHit::articleId)
					.containsExactly("paywalled");
		}
		for (String seen : new String[]{"findings", "raman", "tuesday", "\"its chair said\""}) {
			assertThat(this.search.search(SearchQuery.of(seen)).hits()).as(seen).extracting(SearchHit::articleId)
					.containsExactly("paywalled");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = {"title:(", "*", "?", "\"unbalanced", "((((", "a AND OR NOT", "storm~2", "-storm",
			"+storm |", "body:[a TO z]", "\\", "\u0000storm", "storm\uD800"})
	void querySyntaxTypedByReadersIsReadAsText(String typed) throws IOException {
		add(article("storm", "Storm warning", "Winds"));

		assertThatCode(() -> find(typed)).doesNotThrowAnyException();
		if (typed.matches("[-+\u0000]*storm[ |\uD800]*")) {
			assertThat(find(typed).hits()).extracting(SearchHit::articleId).containsExactly("storm");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = {"", "   ", "*", "the and of", "!!!"})
	void queriesWithoutWordsFindNothing(String typed) throws IOException {
		add(article("a", "The storm", "of the year"));

		assertThat(find(typed).hits()).isEmpty();
		assertThat(find(typed).totalHits()).isZero();
	}

	@Test
	void aVeryLongQueryIsCutNotRefused() throws IOException {
		add(article("storm", "Storm warning", "Winds"));

		assertThat(find("storm " + "word ".repeat(10_000)).hits()).isEmpty(); // every word must match
		assertThat(QueryFactory.clean("x".repeat(10_000))).hasSize(QueryFactory.MAX_QUERY_CHARS);
	}

	@Test
	void textInOtherScriptsIsSearchable() throws IOException {
		add(article("gr", "Πυρκαγιά στην Αττική", "εκκενώνονται χωριά"), article("jp", "青森県沖で地震", "津波警報"));

		assertThat(find("πυρκαγιά").hits()).extracting(SearchHit::articleId).containsExactly("gr");
		assertThat(find("津波").hits()).extracting(SearchHit::articleId).containsExactly("jp");
	}

	@Test
	void aHugeBodyIsIndexedUpToTheCap() throws IOException {
		String body = "<p>beginning</p>" + "<p>filler text</p>".repeat(200_000) + "<p>farawayword</p>";
		add(article("huge", "Huge", body));

		assertThat(find("beginning").hits()).hasSize(1);
		assertThat(find("farawayword").hits()).isEmpty();
	}

	@Test
	void anUpdatedArticleReplacesItsOldVersionAndARemovedOneDisappears() throws IOException {
		add(article("a", "Old headline", "x"), article("b", "Other", "y"));
		add(article("a", "New headline", "x"));
		this.index.delete("b");
		this.index.refresh();

		assertThat(find("old").hits()).isEmpty();
		assertThat(find("headline").hits()).extracting(SearchHit::titleHtml)
				.containsExactly("New <mark>headline</mark>");
		assertThat(find("other").hits()).isEmpty();
	}

	@Test
	void pagesThroughHits() throws IOException {
		for (int i = 0; i < 25; i++) {
			add(new SearchDocument("a" + i, "p", "", "Match " + i, "", "", "", "", NOW.minusSeconds(60L * i)));
		}

		SearchResults second = this.search.search(SearchQuery.of("match").page(10, 10));

		assertThat(second.totalHits()).isEqualTo(25);
		assertThat(second.hits()).extracting(SearchHit::articleId).startsWith("a10").hasSize(10);
		assertThat(this.search.search(SearchQuery.of("match").page(20, 10)).hits()).hasSize(5);
	}

	@Test
	void hitsCarryTheirPublisherSectionAndTime() throws IOException {
		add(article("a", "Storm", "x"));

		SearchHit hit = find("storm").hits().get(0);

		assertThat(hit.publisherId()).isEqualTo("capital-times");
		assertThat(hit.section()).isEqualTo("Business");
		assertThat(hit.publishedAt()).isEqualTo(NOW.minusSeconds(3600));
		assertThat(hit.score()).isPositive();
	}

	@Test
	void withoutAnOpenIndexResultsAreEmptyAndSaySo() {
		LuceneArticleSearch closed = new LuceneArticleSearch(() -> null, () -> false, SearchSchema.analyzer(),
				SearchProperties.defaults(this.dir), InstantSource.fixed(NOW));

		assertThat(closed.search(SearchQuery.of("storm"))).isEqualTo(SearchResults.empty(false));
	}

	private static String withoutMarks(String html) {
		return html.replace("<mark>", "").replace("</mark>", "");
	}

}
