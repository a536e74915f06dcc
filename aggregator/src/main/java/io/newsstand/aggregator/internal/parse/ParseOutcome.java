package io.newsstand.aggregator.internal.parse;

/**
 * What parsing a body came to. Parsing never throws: every failure is named.
 */
public sealed interface ParseOutcome {

	record Parsed(ParsedFeed feed) implements ParseOutcome {
	}

	/** An HTML page, an image, or anything else that is no feed at all. */
	record NotAFeed(String reason) implements ParseOutcome {
	}

	/** Looks like a feed but cannot be parsed. */
	record Malformed(String reason) implements ParseOutcome {
	}

}
