package io.newsstand.web.search;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One search result as the page and the API show it. {@code titleHtml} and
 * {@code snippet} are safe HTML: the article's text escaped, matched words in
 * {@code <mark>}; the snippet holds body text only when the reader may read the
 * article's body.
 *
 * @param id
 *            article id
 * @param title
 *            the headline, plain text
 * @param titleHtml
 *            the headline with matches marked
 * @param url
 *            the publisher's URL of the article
 * @param publisher
 *            its publisher
 * @param section
 *            its section, if any
 * @param author
 *            its author, if any
 * @param publishedAt
 *            when it was published
 * @param imageUrl
 *            its lead image, if any
 * @param snippet
 *            a passage with matches marked
 */
public record SearchItem(String id, String title, String titleHtml, String url, Publisher publisher,
		@Nullable String section, @Nullable String author, Instant publishedAt, @Nullable String imageUrl,
		String snippet) {

	public record Publisher(String id, String name) {
	}

}
