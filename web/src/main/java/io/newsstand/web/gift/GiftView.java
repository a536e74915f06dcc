package io.newsstand.web.gift;

import io.newsstand.aggregator.Article;
import io.newsstand.web.membership.Offer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What a gift link's page shows. {@code bodyHtml} is the whole article only
 * while the link works; an expired or revoked link shows the teaser.
 *
 * @param article
 *            the gifted article
 * @param from
 *            the giver's name (never an e-mail address)
 * @param full
 *            whether the link works
 * @param revoked
 *            for a link that stopped working: whether the giver revoked it
 * @param bodyHtml
 *            the body or the teaser
 * @param expiresAt
 *            when the link stops (or stopped) working
 * @param terms
 *            the trial and plans, for the invitation
 */
public record GiftView(Article article, String from, boolean full, boolean revoked, String bodyHtml, Instant expiresAt,
		Offer.Terms terms) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
			.withZone(ZoneOffset.UTC);

	public String expires() {
		return DAY.format(this.expiresAt);
	}

	/** Sign-up returns to the article itself, where the trial then opens it. */
	public String signUpHref() {
		return "/signup?next=%2Farticles%2F" + URLEncoder.encode(this.article.id(), StandardCharsets.UTF_8);
	}

}
