package io.newsstand.aggregator;

import java.time.Instant;
import java.util.Objects;

/**
 * What the search index holds of an article; the article store builds one per
 * article for {@link ArticleSearchSource}.
 *
 * @param id
 *            the article's stable id
 * @param publisherId
 *            the publisher's catalog id
 * @param section
 *            the section (World, Business, ...), empty when none
 * @param title
 *            the headline (plain text)
 * @param summary
 *            the standfirst or summary (plain text), empty when none
 * @param author
 *            the byline, empty when none
 * @param teaser
 *            exactly the text a reader without access sees of the article
 *            (plain text); search snippets for such readers come only from
 *            title, summary and this
 * @param bodyHtml
 *            the sanitised body HTML (only its text is indexed)
 * @param publishedAt
 *            when the publisher published it
 */
public record SearchDocument(String id, String publisherId, String section, String title, String summary, String author,
		String teaser, String bodyHtml, Instant publishedAt) {

	public SearchDocument {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(publisherId, "publisherId");
		Objects.requireNonNull(section, "section");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(summary, "summary");
		Objects.requireNonNull(author, "author");
		Objects.requireNonNull(teaser, "teaser");
		Objects.requireNonNull(bodyHtml, "bodyHtml");
		Objects.requireNonNull(publishedAt, "publishedAt");
		if (id.isBlank()) {
			throw new IllegalArgumentException("A search document needs an id");
		}
	}

}
