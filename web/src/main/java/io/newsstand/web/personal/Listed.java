package io.newsstand.web.personal;

import io.newsstand.aggregator.ArticleSummary;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An article in a personal list as pages show it: teaser only, when it was
 * saved or opened, and whether it is saved.
 */
public record Listed(ArticleSummary article, Instant at, boolean saved) {

	private static final DateTimeFormatter TIME = DateTimeFormatter
			.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

	public String when() {
		return TIME.format(this.at);
	}

	public String iso() {
		return DateTimeFormatter.ISO_INSTANT.format(this.at);
	}

}
