package io.newsstand.web.gift;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Gift articles.
 *
 * @param perMonth
 *            gift links a member may create per calendar month (UTC); gifting
 *            an article again while its link works costs nothing
 * @param validFor
 *            how long a gift link opens its article
 * @param keepAfterExpiry
 *            how long an expired or revoked link is remembered, so that it
 *            answers "expired" with the teaser instead of "not found"
 */
@ConfigurationProperties("newsstand.web.gifts")
record GiftProperties(@DefaultValue("10") int perMonth, @DefaultValue("14d") Duration validFor,
		@DefaultValue("30d") Duration keepAfterExpiry) {

	GiftProperties {
		if (perMonth < 0) {
			throw new IllegalArgumentException("newsstand.web.gifts.per-month must be 0 or more, not " + perMonth);
		}
		if (validFor.isNegative() || validFor.isZero()) {
			throw new IllegalArgumentException("newsstand.web.gifts.valid-for must be positive, not " + validFor);
		}
	}

}
