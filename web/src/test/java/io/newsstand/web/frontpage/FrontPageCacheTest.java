package io.newsstand.web.frontpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.newsstand.aggregator.ArticlePage;
import io.newsstand.aggregator.ArticleQuery;
import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.StoryClusters;
import io.newsstand.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;

/**
 * The front page is computed once per refresh interval, at once after a pick,
 * and a failed recomputation serves the previous lists.
 */
class FrontPageCacheTest {

	private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

	private final SettableClock clock = new SettableClock(NOW);

	private final Articles articles = mock(Articles.class);

	private final ReadCounts reads = mock(ReadCounts.class);

	private final Picks picks = mock(Picks.class);

	private final FrontPageProperties properties = new FrontPageProperties(Duration.ofSeconds(5), Duration.ofHours(24),
			Duration.ofHours(6), Duration.ofHours(12), 2.0, 10, 10, 6, 4, 20);

	private final FrontPage frontPage = new FrontPage(this.articles, mock(StoryClusters.class), this.reads, this.picks,
			this.properties, this.clock);

	private static ArticleSummary summary(String id) {
		return new ArticleSummary(id, "Title " + id, "https://example.com/" + id, "p", "P", null, null, NOW, null,
				"Summary", false, 3);
	}

	private void latestIs(String... ids) {
		when(this.articles.latest(any(ArticleQuery.class)))
				.thenReturn(new ArticlePage(Arrays.stream(ids).map(FrontPageCacheTest::summary).toList(), null));
	}

	FrontPageCacheTest() {
		when(this.articles.publishers()).thenReturn(List.of());
		when(this.reads.weighted(any())).thenReturn(Map.of());
		when(this.picks.current()).thenReturn(List.of());
	}

	@Test
	void listsAreComputedOncePerRefreshIntervalAndAtOnceAfterAPick() {
		latestIs("a");
		assertThat(this.frontPage.lists(Edition.UK).latest()).extracting(ArticleSummary::id).containsExactly("a");
		latestIs("a", "b");
		this.clock.advance(Duration.ofSeconds(4));
		assertThat(this.frontPage.lists(Edition.UK).latest()).hasSize(1);
		verify(this.articles, times(1)).latest(any());
		this.frontPage.invalidate();
		assertThat(this.frontPage.lists(Edition.UK).latest()).hasSize(2);
		this.clock.advance(Duration.ofSeconds(5));
		this.frontPage.lists(Edition.UK);
		verify(this.articles, times(3)).latest(any());
	}

	@Test
	void aFailedRecomputationServesThePreviousLists() {
		latestIs("a");
		this.frontPage.lists(Edition.AU);
		when(this.articles.latest(any(ArticleQuery.class))).thenThrow(new QueryTimeoutException("Redis timed out"));
		this.clock.advance(Duration.ofSeconds(6));
		assertThat(this.frontPage.lists(Edition.AU).latest()).extracting(ArticleSummary::id).containsExactly("a");
		assertThatThrownBy(() -> this.frontPage.lists(Edition.US)).as("nothing to fall back on")
				.isInstanceOf(QueryTimeoutException.class);
	}

}
