package io.newsstand.aggregator.internal.poll;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small synthetic RSS documents for poller tests. */
final class Rss {

	private Rss() {
	}

	/**
	 * {@code count} items, newest first, {@code minutesApart} apart, ending at
	 * {@code newest}.
	 */
	static String feed(String slug, int count, Instant newest, long minutesApart) {
		StringBuilder xml = new StringBuilder(
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>").append("<title>")
				.append(slug).append("</title><link>https://").append(slug)
				.append(".example/</link><description>d</description>");
		for (int i = 0; i < count; i++) {
			Instant at = newest.minusSeconds(i * minutesApart * 60);
			xml.append("<item><title>").append(slug).append(" story ").append(i).append("</title><link>https://")
					.append(slug).append(".example/").append(i).append("</link><guid>").append(slug).append('-')
					.append(i).append("</guid><pubDate>")
					.append(DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)))
					.append("</pubDate><description>Story ").append(i).append(" of ").append(slug)
					.append("</description></item>");
		}
		return xml.append("</channel></rss>").toString();
	}

}
