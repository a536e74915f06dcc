package io.newsstand.web.personal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the reader's personal space ({@code newsstand.personal.*}).
 *
 * @param maxFollowsPerKind
 *            the most publishers (followed and muted together), sections or
 *            topics one reader may follow; one more is refused with a message
 * @param maxSaved
 *            the most saved articles one reader keeps; one more is refused
 * @param historySize
 *            the most history entries kept per reader (oldest dropped)
 * @param historyAge
 *            history entries older than this are dropped
 * @param forYouSize
 *            how many articles "For you" lists
 * @param forYouCandidates
 *            how many of the latest articles of all publishers "For you"
 *            considers (followed publishers and sections add their own latest)
 * @param forYouTtl
 *            the longest a computed "For you" list is served before it is
 *            computed again (any follow, save or read recomputes it at once)
 * @param candidateTtl
 *            how long each node keeps the latest-article lists the ranking
 *            starts from
 * @param tasteHalfLife
 *            how fast what a reader opened stops counting: a read this long ago
 *            weighs half as much as one today
 * @param freshnessHalfLife
 *            an article this old weighs half as much as a brand-new one
 */
@ConfigurationProperties("newsstand.personal")
public record PersonalProperties(@DefaultValue("100") int maxFollowsPerKind, @DefaultValue("500") int maxSaved,
		@DefaultValue("500") int historySize, @DefaultValue("90d") Duration historyAge,
		@DefaultValue("50") int forYouSize, @DefaultValue("300") int forYouCandidates,
		@DefaultValue("10m") Duration forYouTtl, @DefaultValue("60s") Duration candidateTtl,
		@DefaultValue("14d") Duration tasteHalfLife, @DefaultValue("48h") Duration freshnessHalfLife) {

	public PersonalProperties {
		positive("max-follows-per-kind", maxFollowsPerKind);
		positive("max-saved", maxSaved);
		positive("history-size", historySize);
		positive("for-you-size", forYouSize);
		positive("for-you-candidates", forYouCandidates);
		for (var setting : new Object[][]{{"history-age", historyAge}, {"for-you-ttl", forYouTtl},
				{"candidate-ttl", candidateTtl}, {"taste-half-life", tasteHalfLife},
				{"freshness-half-life", freshnessHalfLife}}) {
			if (((Duration) setting[1]).isNegative() || ((Duration) setting[1]).isZero()) {
				throw new IllegalArgumentException(
						"newsstand.personal." + setting[0] + " must be positive, was " + setting[1]);
			}
		}
	}

	private static void positive(String name, int value) {
		if (value < 1) {
			throw new IllegalArgumentException("newsstand.personal." + name + " must be at least 1, was " + value);
		}
	}

}
