package io.newsstand.web.frontpage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the front page ranks and how often it is computed.
 *
 * @param refresh
 *            how long a computed front page (per edition) is served before it
 *            is computed again; a pick or unpick recomputes it at once
 * @param readWindow
 *            reads older than this no longer count, and a reader's re-reads of
 *            one article within it count once
 * @param readHalfLife
 *            a read this old weighs half as much as one now
 * @param freshnessHalfLife
 *            an article this old ranks half as high as a new one with the same
 *            reads
 * @param editionBoost
 *            how much higher the edition's own publishers rank (2: twice)
 * @param topStories
 *            stories in "Top stories right now"
 * @param latestStories
 *            stories in "Latest"
 * @param sections
 *            sections shown on the front page
 * @param storiesPerSection
 *            stories shown per section
 * @param readsPerAddressPerHour
 *            the most reads one client address (an IPv6 address by its /64)
 *            adds to top stories in one clock hour, however many readers or
 *            accounts it holds
 */
@ConfigurationProperties("newsstand.frontpage")
public record FrontPageProperties(@DefaultValue("5s") Duration refresh, @DefaultValue("24h") Duration readWindow,
		@DefaultValue("6h") Duration readHalfLife, @DefaultValue("12h") Duration freshnessHalfLife,
		@DefaultValue("2.0") double editionBoost, @DefaultValue("10") int topStories,
		@DefaultValue("10") int latestStories, @DefaultValue("6") int sections,
		@DefaultValue("4") int storiesPerSection, @DefaultValue("20") int readsPerAddressPerHour) {

	public FrontPageProperties {
		if (readWindow.toHours() < 1 || readWindow.toHours() > 24 * 7) {
			throw new IllegalArgumentException(
					"newsstand.frontpage.read-window must be between 1h and 7d, not " + readWindow);
		}
		if (readHalfLife.isZero() || readHalfLife.isNegative() || freshnessHalfLife.isZero()
				|| freshnessHalfLife.isNegative()) {
			throw new IllegalArgumentException(
					"newsstand.frontpage.read-half-life and freshness-half-life must be positive");
		}
		if (editionBoost < 1) {
			throw new IllegalArgumentException(
					"newsstand.frontpage.edition-boost must be 1 or more, not " + editionBoost);
		}
		if (readsPerAddressPerHour < 1) {
			throw new IllegalArgumentException(
					"newsstand.frontpage.reads-per-address-per-hour must be 1 or more, not " + readsPerAddressPerHour);
		}
		if (topStories < 1 || latestStories < 1 || sections < 0 || storiesPerSection < 1) {
			throw new IllegalArgumentException("newsstand.frontpage list sizes must be positive");
		}
	}

}
