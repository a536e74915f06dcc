package io.newsstand.aggregator;

import java.time.Instant;

/**
 * One search result. {@code titleHtml} and {@code snippetHtml} are safe HTML:
 * every character of the article is escaped, and only the matched words are
 * wrapped in {@code <mark>}.
 *
 * @param articleId
 *            the article
 * @param score
 *            relevance times recency; higher is better
 * @param publisherId
 *            its publisher
 * @param section
 *            its section, empty when none
 * @param publishedAt
 *            when it was published
 * @param titleHtml
 *            the headline, matches marked
 * @param snippetHtml
 *            a passage with matches marked, empty when there is no text to show
 * @param snippetSource
 *            where the snippet came from
 */
public record SearchHit(String articleId, float score, String publisherId, String section, Instant publishedAt,
		String titleHtml, String snippetHtml, SnippetSource snippetSource) {

	/** The field a snippet was cut from. */
	public enum SnippetSource {
		SUMMARY, TEASER, BODY, NONE
	}

}
