package io.newsstand.web.personal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.ArticleSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The "For you" ranking, at a fixed instant. */
class ForYouRankingTest {

	private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

	private static final Duration TASTE = Duration.ofDays(14);

	private static final Duration FRESH = Duration.ofHours(48);

	private static Card card(String id, String publisher, String section, Duration age, String... topics) {
		String name = switch (publisher) {
			case "harbour" -> "The Harbour Times";
			case "ledger" -> "Daily Ledger";
			default -> "Other Post";
		};
		return new Card(new ArticleSummary(id, "Title " + id, "https://example.com/" + id, publisher, name, section,
				null, NOW.minus(age), null, "Summary", false, 3), List.of(topics));
	}

	private static FollowSet follows(Follow... follows) {
		return new FollowSet(List.of(follows));
	}

	private static List<ForYouRanking.Ranked> rank(FollowSet follows, List<ForYouRanking.Read> history,
			Set<String> opened, List<Card> candidates, int size) {
		return ForYouRanking.rank(follows, history, opened, candidates, NOW, TASTE, FRESH, size);
	}

	private static List<String> ids(List<ForYouRanking.Ranked> ranked) {
		return ranked.stream().map(r -> r.card().id()).toList();
	}

	@Test
	void aFollowedSectionRanksAboveNewerUnrelatedNewsAndSaysWhy() {
		List<Card> candidates = List.of(card("sport", "other", "Sport", Duration.ofMinutes(5)),
				card("biz", "other", "Business", Duration.ofHours(3)));
		var ranked = rank(follows(new Follow(FollowKind.SECTION, "business", "Business", false)), List.of(), Set.of(),
				candidates, 10);
		assertThat(ids(ranked)).containsExactly("biz", "sport");
		assertThat(ranked.get(0).reason()).isEqualTo("Because you follow Business");
		assertThat(ranked.get(1).reason()).isEqualTo(ForYouRanking.NEW);
	}

	@Test
	void aFollowedPublisherOutweighsAFollowedTopicAndTheReasonIsTheStrongestSignal() {
		List<Card> candidates = List.of(card("topic", "other", null, Duration.ofHours(1), "economy"),
				card("pub", "harbour", null, Duration.ofHours(1)),
				card("both", "harbour", null, Duration.ofHours(1), "economy"));
		var ranked = rank(
				follows(new Follow(FollowKind.PUBLISHER, "harbour", "The Harbour Times", false),
						new Follow(FollowKind.TOPIC, "economy", "economy", false)),
				List.of(), Set.of(), candidates, 10);
		assertThat(ids(ranked)).containsExactly("both", "pub", "topic");
		assertThat(ranked.get(0).reason()).isEqualTo("Because you follow The Harbour Times");
		assertThat(ranked.get(2).reason()).isEqualTo("Because you follow economy");
	}

	@Test
	void whatTheReaderOpenedCountsAndOldReadsCountLess() {
		Card readRecently = card("r1", "harbour", null, Duration.ofDays(1));
		Card readLongAgo = card("r2", "ledger", null, Duration.ofDays(60));
		List<ForYouRanking.Read> history = List.of(new ForYouRanking.Read(readRecently, NOW.minus(Duration.ofHours(2))),
				new ForYouRanking.Read(readLongAgo, NOW.minus(Duration.ofDays(60))));
		List<Card> candidates = List.of(card("ledger-new", "ledger", null, Duration.ofHours(1)),
				card("harbour-new", "harbour", null, Duration.ofHours(1)), readRecently);
		var ranked = rank(FollowSet.EMPTY, history, Set.of("r1", "r2"), candidates, 10);
		assertThat(ids(ranked)).as("already read articles are left out").containsExactly("harbour-new", "ledger-new");
		assertThat(ranked.get(0).reason()).isEqualTo("Because you read The Harbour Times");
		assertThat(ranked.get(0).score()).isGreaterThan(ranked.get(1).score() * 5);
	}

	@Test
	void topicsReadAboutBringInOtherPublishersArticles() {
		Card read = card("r1", "harbour", null, Duration.ofDays(1), "climate");
		var ranked = rank(FollowSet.EMPTY, List.of(new ForYouRanking.Read(read, NOW.minus(Duration.ofHours(1)))),
				Set.of("r1"), List.of(card("other-climate", "other", null, Duration.ofHours(1), "climate"),
						card("other-sport", "other", null, Duration.ofMinutes(1), "football")),
				10);
		assertThat(ids(ranked)).containsExactly("other-climate", "other-sport");
		assertThat(ranked.get(0).reason()).isEqualTo("Because you read about climate");
	}

	@Test
	void mutedPublishersNeverAppearEvenWhenTheyMatch() {
		var ranked = rank(
				follows(new Follow(FollowKind.SECTION, "business", "Business", false),
						new Follow(FollowKind.PUBLISHER, "ledger", "Daily Ledger", true)),
				List.of(), Set.of(), List.of(card("muted", "ledger", "Business", Duration.ofHours(1)),
						card("kept", "other", "Business", Duration.ofHours(1))),
				10);
		assertThat(ids(ranked)).containsExactly("kept");
	}

	@Test
	void fresherArticlesWinAmongEquallyRelevantOnes() {
		var ranked = rank(follows(new Follow(FollowKind.PUBLISHER, "harbour", "The Harbour Times", false)), List.of(),
				Set.of(), List.of(card("old", "harbour", null, Duration.ofDays(3)),
						card("new", "harbour", null, Duration.ofHours(1))),
				10);
		assertThat(ids(ranked)).containsExactly("new", "old");
		assertThat(ranked.get(1).score() / ranked.get(0).score()).isCloseTo(Math.pow(2, -71.0 / 48), within());
	}

	@Test
	void oneBusyPublisherCannotFillTheList() {
		List<Card> candidates = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			candidates.add(card("h" + i, "harbour", "Business", Duration.ofMinutes(10 + i)));
		}
		candidates.add(card("o1", "other", "Business", Duration.ofHours(2)));
		var ranked = rank(follows(new Follow(FollowKind.SECTION, "business", "Business", false)), List.of(), Set.of(),
				candidates, 4);
		assertThat(ids(ranked)).hasSize(4).contains("o1");
	}

	@Test
	void theListIsCutAtItsSizeAndFilledWithTheNewestWhenLittleMatches() {
		List<Card> candidates = List.of(card("a", "other", null, Duration.ofHours(3)),
				card("b", "other", null, Duration.ofHours(1)), card("c", "other", null, Duration.ofHours(2)));
		var ranked = rank(FollowSet.EMPTY, List.of(), Set.of(), candidates, 2);
		assertThat(ids(ranked)).containsExactly("b", "c");
		assertThat(ranked).allSatisfy(r -> assertThat(r.reason()).isEqualTo(ForYouRanking.NEW));
	}

	private static Offset<Double> within() {
		return Offset.offset(1e-9);
	}

}
