package io.newsstand.aggregator;

import java.time.Instant;
import java.util.Objects;

/**
 * What story clustering needs of an article: the article store passes one when
 * it first stores an article, and again when the article's title or summary
 * changes.
 *
 * @param id
 *            the article's stable id
 * @param publisherId
 *            the publisher's catalog id
 * @param title
 *            the headline (plain text; stray HTML is stripped)
 * @param lead
 *            the summary or lead sentences (plain text; may be empty; only the
 *            first few hundred characters are used)
 * @param publishedAt
 *            when the publisher published it
 */
public record StoryArticle(String id, String publisherId, String title, String lead, Instant publishedAt) {

	public StoryArticle {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(publisherId, "publisherId");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(lead, "lead");
		Objects.requireNonNull(publishedAt, "publishedAt");
		if (id.isBlank() || publisherId.isBlank()) {
			throw new IllegalArgumentException("An article needs an id and a publisher id");
		}
	}

}
