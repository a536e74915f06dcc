package io.newsstand.aggregator.internal.parse;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Parses a fetched body of any supported format: decides between JSON Feed, XML
 * (RSS/Atom/RDF through Rome) and "not a feed" by sniffing the content, not by
 * trusting the Content-Type, which is often wrong or missing.
 */
public final class FeedParser {

	private final RomeFeedParser rome = new RomeFeedParser();

	private final JsonFeedParser json = new JsonFeedParser();

	/** Never throws: every failure is a named {@link ParseOutcome}. */
	public ParseOutcome parse(byte[] body, @Nullable String contentType) {
		try {
			String text = FeedText.decode(body, contentType);
			String head = leading(text);
			if (head.startsWith("{")) {
				return this.json.parse(text);
			}
			if (!head.startsWith("<")) {
				return new ParseOutcome.NotAFeed("neither XML nor JSON (starts with '" + abbreviate(head) + "')");
			}
			if (looksLikeHtml(head)) {
				return new ParseOutcome.NotAFeed("an HTML page, not a feed");
			}
			return this.rome.parse(FeedText.cleanXml(text));
		} catch (RuntimeException | StackOverflowError ex) {
			return new ParseOutcome.Malformed("unexpected parser failure: " + ex);
		}
	}

	private static String leading(String text) {
		int i = 0;
		while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return text.substring(i, Math.min(text.length(), i + 2048));
	}

	private static boolean looksLikeHtml(String head) {
		String lower = head.toLowerCase(Locale.ROOT);
		// Skip the prolog and comments; look at the first element.
		int i = 0;
		while (true) {
			int lt = lower.indexOf('<', i);
			if (lt < 0) {
				return false;
			}
			if (lower.startsWith("<?", lt)) {
				i = lt + 2;
			} else if (lower.startsWith("<!--", lt)) {
				int end = lower.indexOf("-->", lt);
				if (end < 0) {
					return false;
				}
				i = end + 3;
			} else if (lower.startsWith("<!doctype", lt)) {
				return lower.startsWith("<!doctype html", lt);
			} else {
				return lower.startsWith("<html", lt) || lower.startsWith("<head", lt) || lower.startsWith("<body", lt);
			}
		}
	}

	private static String abbreviate(String text) {
		String first = text.length() > 20 ? text.substring(0, 20) : text;
		return first.replaceAll("\\p{Cntrl}", "?");
	}

}
