package io.newsstand.web.payouts;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of publisher payouts ({@code newsstand.payouts.*}).
 *
 * @param weighting
 *            what splits a member's money across publishers: {@code reads} or
 *            {@code reading-time}
 * @param platformShare
 *            the platform's share of net revenue, 0 to 1, taken before the
 *            split
 * @param rereadWindow
 *            a re-read of the same article by the same member within this long
 *            counts once
 * @param maxSecondsPerArticle
 *            the most reading time one member's read of one article adds
 * @param retentionMonths
 *            the ledger keeps a month for this many months, counting the month
 *            itself
 * @param shards
 *            the ledger splits each month over this many Redis hash tags, so a
 *            cluster spreads the writes over several slots
 */
@ConfigurationProperties("newsstand.payouts")
public record PayoutsProperties(@DefaultValue("reads") Weighting weighting,
		@DefaultValue("0.30") BigDecimal platformShare, @DefaultValue("24h") Duration rereadWindow,
		@DefaultValue("1800") int maxSecondsPerArticle, @DefaultValue("13") int retentionMonths,
		@DefaultValue("16") int shards) {

	public PayoutsProperties {
		if (platformShare.signum() < 0 || platformShare.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalArgumentException(
					"newsstand.payouts.platform-share must be between 0 and 1, was " + platformShare);
		}
		if (rereadWindow.isNegative() || rereadWindow.isZero()) {
			throw new IllegalArgumentException("newsstand.payouts.reread-window must be positive, was " + rereadWindow);
		}
		if (maxSecondsPerArticle < 1 || retentionMonths < 2 || shards < 1 || shards > 1024) {
			throw new IllegalArgumentException("newsstand.payouts: max-seconds-per-article must be at least 1 (was "
					+ maxSecondsPerArticle + "), retention-months at least 2 (was " + retentionMonths
					+ "), shards between 1 and 1024 (was " + shards + ")");
		}
	}

	/** What splits a member's money across the publishers they read. */
	public enum Weighting {

		/** Full reads, each counted once per re-read window. */
		READS,

		/** Seconds of reading reported by the article page, capped per article. */
		READING_TIME

	}

}
