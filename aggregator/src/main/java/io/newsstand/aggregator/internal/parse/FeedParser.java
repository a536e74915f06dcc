package io.newsstand.aggregator.internal.parse;

import java.util.BitSet;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Parses a fetched body of any supported format: decides between JSON Feed, XML
 * (RSS/Atom/RDF through Rome) and "not a feed" by sniffing the content, not by
 * trusting the Content-Type, which is often wrong or missing.
 */
public final class FeedParser {

	private final RomeFeedParser rome = new RomeFeedParser();

	private final JsonFeedParser json = new JsonFeedParser();

	/**
	 * What {@link #parseNew} parsed: the outcome, with the items it left out
	 * missing from a parsed feed.
	 *
	 * @param items
	 *            every item of the document with its digest, or {@code null} when
	 *            the document could not be split into items (JSON Feed, RDF, an
	 *            unusual shape): then nothing was left out
	 * @param leftOut
	 *            positions in {@code items} of the items left out; the parsed feed
	 *            holds the others, in document order
	 */
	public record PartialParse(ParseOutcome outcome, @Nullable FeedItems items, BitSet leftOut) {
	}

	/** Never throws: every failure is a named {@link ParseOutcome}. */
	public ParseOutcome parse(byte[] body, @Nullable String contentType) {
		return read(body, contentType, clean -> whole(this.rome.parse(clean))).outcome();
	}

	/**
	 * Parses a feed leaving out the items the caller already knows: those whose
	 * digest {@code known} accepts, provided the rest of the document (its shell,
	 * see {@link FeedItems}) is {@code knownShell}. Otherwise, and whenever the
	 * shorter document does not parse into the expected items, the whole document
	 * is parsed. Never throws.
	 */
	public PartialParse parseNew(byte[] body, @Nullable String contentType, @Nullable String knownShell,
			Predicate<String> known) {
		return read(body, contentType, clean -> parseNew(clean, knownShell, known));
	}

	/** An outcome with nothing left out and no items to remember. */
	private static PartialParse whole(ParseOutcome outcome) {
		return new PartialParse(outcome, null, new BitSet());
	}

	private PartialParse parseNew(String clean, @Nullable String knownShell, Predicate<String> known) {
		FeedItems items = FeedItems.of(clean);
		if (items == null) {
			return whole(this.rome.parse(clean));
		}
		BitSet leftOut = new BitSet();
		if (items.shell().equals(knownShell)) {
			for (int i = 0; i < items.size(); i++) {
				if (known.test(items.digests().get(i))) {
					leftOut.set(i);
				}
			}
		}
		if (!leftOut.isEmpty()) {
			ParseOutcome partial = this.rome.parse(items.without(leftOut::get));
			if (partial instanceof ParseOutcome.Parsed parsed
					&& parsed.feed().items().size() == items.size() - leftOut.cardinality()) {
				return new PartialParse(partial, items, leftOut);
			}
		}
		ParseOutcome outcome = this.rome.parse(clean);
		if (outcome instanceof ParseOutcome.Parsed parsed && parsed.feed().items().size() != items.size()) {
			// Rome saw other items than the scan: no item of this document is remembered.
			return whole(outcome);
		}
		return new PartialParse(outcome, items, new BitSet());
	}

	/**
	 * Decodes and sniffs a body: JSON Feed and "not a feed" are answered here, XML
	 * text is cleaned and handed to {@code xml}.
	 */
	private PartialParse read(byte[] body, @Nullable String contentType, Function<String, PartialParse> xml) {
		try {
			String text = FeedCharset.decode(body, contentType);
			String head = leading(text);
			if (head.startsWith("{")) {
				return whole(this.json.parse(text));
			}
			if (!head.startsWith("<")) {
				return whole(
						new ParseOutcome.NotAFeed("neither XML nor JSON (starts with '" + abbreviate(head) + "')"));
			}
			if (looksLikeHtml(head)) {
				return whole(new ParseOutcome.NotAFeed("an HTML page, not a feed"));
			}
			return xml.apply(XmlCleaner.clean(text));
		} catch (RuntimeException | StackOverflowError ex) {
			return whole(new ParseOutcome.Malformed("unexpected parser failure: " + ex));
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
