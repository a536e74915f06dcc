package io.newsstand.aggregator;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stored article with every field the aggregator keeps. {@code body} is
 * sanitised HTML, safe to embed in a page; whether a reader may see it is
 * decided by the paywall in {@code web}, never here.
 *
 * @param id
 *            stable id (derived from the publisher and the item's identity)
 * @param title
 *            plain text
 * @param url
 *            canonical URL, tracking parameters removed
 * @param publisherId
 *            the publisher's catalog id
 * @param publisherName
 *            the publisher's display name
 * @param section
 *            section of the feed it came from, if any
 * @param region
 *            the publisher's edition
 * @param author
 *            author name(s), if the feed gave any
 * @param publishedAt
 *            publication time (first-seen time when the feed gave none, never
 *            in the future)
 * @param updatedAt
 *            last update according to the feed (or publication time)
 * @param summary
 *            plain-text summary
 * @param body
 *            sanitised HTML
 * @param image
 *            lead image, if any
 * @param categories
 *            the feed's categories/tags
 * @param language
 *            BCP 47 language tag
 * @param wordCount
 *            words in the body
 * @param readingMinutes
 *            estimated reading time, at least 1
 * @param free
 *            whether the publisher makes it free to read
 */
public record Article(String id, String title, String url, String publisherId, String publisherName,
		@Nullable String section, String region, @Nullable String author, Instant publishedAt, Instant updatedAt,
		String summary, String body, @Nullable ArticleImage image, List<String> categories, String language,
		int wordCount, int readingMinutes, boolean free) {

	/**
	 * An article may be shared between readers (cached), so its lists never change.
	 */
	public Article {
		categories = List.copyOf(categories);
	}

	/**
	 * The teaser of this article (no body).
	 *
	 * @return its summary
	 */
	public ArticleSummary toSummary() {
		return new ArticleSummary(this.id, this.title, this.url, this.publisherId, this.publisherName, this.section,
				this.author, this.publishedAt, this.image == null ? null : this.image.url(), this.summary, this.free,
				this.readingMinutes);
	}

}
