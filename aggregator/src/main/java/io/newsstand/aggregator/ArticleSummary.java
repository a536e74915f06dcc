package io.newsstand.aggregator;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The teaser of an article, as listed: everything but the body.
 *
 * @param id
 *            article id
 * @param title
 *            plain text
 * @param url
 *            canonical URL
 * @param publisherId
 *            the publisher's catalog id
 * @param publisherName
 *            the publisher's display name
 * @param section
 *            section, if any
 * @param author
 *            author, if any
 * @param publishedAt
 *            publication time
 * @param imageUrl
 *            lead image URL, if any
 * @param summary
 *            plain-text summary
 * @param free
 *            whether the publisher makes it free to read
 * @param readingMinutes
 *            estimated minutes to read the whole article (0 in lists cached
 *            before it was recorded)
 */
public record ArticleSummary(String id, String title, String url, String publisherId, String publisherName,
		@Nullable String section, @Nullable String author, Instant publishedAt, @Nullable String imageUrl,
		String summary, boolean free, int readingMinutes) {
}
