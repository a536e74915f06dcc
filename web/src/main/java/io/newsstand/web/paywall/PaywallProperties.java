package io.newsstand.web.paywall;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param teaserShare
 *            the largest share of an article's words the teaser shows (0.25: a
 *            quarter)
 * @param freeArticlesPerMonth
 *            full articles a signed-in reader without a membership may open
 *            each calendar month (UTC); 0 turns the meter off
 */
@ConfigurationProperties("newsstand.paywall")
public record PaywallProperties(@DefaultValue("0.25") double teaserShare, @DefaultValue("3") int freeArticlesPerMonth) {

	public PaywallProperties {
		if (teaserShare <= 0 || teaserShare > 1) {
			throw new IllegalArgumentException(
					"newsstand.paywall.teaser-share must be above 0 and at most 1, not " + teaserShare);
		}
		if (freeArticlesPerMonth < 0) {
			throw new IllegalArgumentException(
					"newsstand.paywall.free-articles-per-month must be 0 or more, not " + freeArticlesPerMonth);
		}
	}

}
