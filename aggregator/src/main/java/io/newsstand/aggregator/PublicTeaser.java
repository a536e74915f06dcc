package io.newsstand.aggregator;

/**
 * The part of an article's body that a reader without access may see, as plain
 * text, cut by the paywall's rule. {@code web} provides it; search indexes it
 * as the article's teaser, the only body text a snippet for such a reader comes
 * from.
 */
@FunctionalInterface
public interface PublicTeaser {

	/**
	 * The teaser text of a body.
	 *
	 * @param bodyHtml
	 *            the article's sanitised body HTML
	 * @return plain text, at most what the paywall shows a reader without access
	 */
	String of(String bodyHtml);

}
