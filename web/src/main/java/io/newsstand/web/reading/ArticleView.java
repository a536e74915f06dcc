package io.newsstand.web.reading;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.aggregator.Publisher;
import io.newsstand.web.membership.Offer;
import io.newsstand.web.paywall.Access;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the article page shows. {@code bodyHtml} holds only what the reader may
 * read: the whole body, or the teaser's opening.
 */
public record ArticleView(Article article, @Nullable Publisher publisher, Access access, String bodyHtml,
		Offer.Terms terms, List<ArticleSummary> related, List<ArticleSummary> top, String jsonLd, boolean signedIn,
		List<ArticleSummary> alsoCoveredBy) {

	private static final DateTimeFormatter TIME = DateTimeFormatter
			.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

	public String published() {
		return TIME.format(this.article.publishedAt());
	}

	public @Nullable String updated() {
		return this.article.updatedAt().isAfter(this.article.publishedAt().plusSeconds(60))
				? TIME.format(this.article.updatedAt())
				: null;
	}

	public static String iso(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant);
	}

	public boolean full() {
		return this.access.full();
	}

	/**
	 * The membership opened it: the read publisher payouts count, whose reading
	 * time the page reports.
	 */
	public boolean memberRead() {
		return this.access instanceof Access.Full full && full.reason() == Access.FullReason.MEMBER;
	}

	public String path() {
		return "/articles/" + this.article.id();
	}

	public String signInHref() {
		return "/signin?next=" + URLEncoder.encode(path(), StandardCharsets.UTF_8);
	}

	public String signUpHref() {
		return "/signup?next=" + URLEncoder.encode(path(), StandardCharsets.UTF_8);
	}

	/**
	 * Free articles left after this one, for the metered reader's notice; -1 when
	 * not metered.
	 */
	public int freeArticlesLeft() {
		return switch (this.access) {
			case Access.Full full -> (full.reason() == Access.FullReason.METERED) ? full.freeArticlesLeft() : -1;
			case Access.Teaser teaser -> teaser.freeArticlesLeft();
		};
	}

	public boolean meterExhausted() {
		return this.access instanceof Access.Teaser teaser && teaser.reason() == Access.TeaserReason.METER_EXHAUSTED;
	}

	public boolean unverified() {
		return this.access instanceof Access.Teaser teaser && teaser.reason() == Access.TeaserReason.UNVERIFIED;
	}

	public boolean anonymous() {
		return this.access instanceof Access.Teaser teaser && teaser.reason() == Access.TeaserReason.ANONYMOUS;
	}

}
