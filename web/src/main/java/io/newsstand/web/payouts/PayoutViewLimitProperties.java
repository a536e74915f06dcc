package io.newsstand.web.payouts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often one member may look at their payouts ("Where your money went" and
 * {@code GET /api/v1/me/payouts} together) per window: each view asks Stripe
 * for the member's invoices, so an unlimited loop would spend the platform's
 * Stripe request budget.
 *
 * @param requests
 *            views per window; past it the answer is 429 with
 *            {@code Retry-After}
 * @param window
 *            the length of a window
 */
@ConfigurationProperties("newsstand.payouts.view-limit")
record PayoutViewLimitProperties(@DefaultValue("30") int requests, @DefaultValue("1m") Duration window) {

	PayoutViewLimitProperties {
		if (requests < 1) {
			throw new IllegalArgumentException(
					"newsstand.payouts.view-limit.requests must be 1 or more, not " + requests);
		}
		if (window.toSeconds() < 1) {
			throw new IllegalArgumentException(
					"newsstand.payouts.view-limit.window must be at least 1s, not " + window);
		}
	}

}
