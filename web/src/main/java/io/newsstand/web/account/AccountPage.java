package io.newsstand.web.account;

import io.newsstand.web.membership.MembershipSummary;
import io.newsstand.web.security.ApiTokens;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What the account page shows.
 */
public record AccountPage(String email, Instant createdAt, List<ApiTokens.Listed> tokens, MembershipSummary membership,
		int freeArticlesLeft, boolean emailVerified) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
			.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter
			.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

	public String since() {
		return DAY.format(this.createdAt);
	}

	public String format(Instant instant) {
		return MINUTE.format(instant);
	}

}
