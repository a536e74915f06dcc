package io.newsstand.aggregator.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.jspecify.annotations.Nullable;

/**
 * Marks query words in short stored text (titles, summaries, teasers) by
 * analysing the text once: for a few hundred characters this is far cheaper
 * than a highlighter pass per field. Everything that is not a match is
 * HTML-escaped.
 */
final class Marker {

	static final int SHORT_SNIPPET_CHARS = 320;

	private final Analyzer analyzer;

	Marker(Analyzer analyzer) {
		this.analyzer = analyzer;
	}

	/** The analysed query terms per field, leaving out prohibited clauses. */
	static Map<String, Set<String>> terms(Query query) {
		Map<String, Set<String>> terms = new HashMap<>();
		query.visit(new QueryVisitor() {

			@Override
			public void consumeTerms(Query source, Term... matched) {
				for (Term term : matched) {
					terms.computeIfAbsent(term.field(), field -> new HashSet<>()).add(term.text());
				}
			}

			@Override
			public QueryVisitor getSubVisitor(Occur occur, Query parent) {
				return (occur == Occur.MUST_NOT) ? QueryVisitor.EMPTY_VISITOR : this;
			}

		});
		return terms;
	}

	/**
	 * The text as safe HTML with matches in {@code <mark>}, cut to about
	 * {@code maxChars} around the first match; {@code null} when nothing matches
	 * and {@code onlyIfMatched} is set.
	 */
	@Nullable
	String mark(String field, String text, Set<String> terms, int maxChars, boolean onlyIfMatched) {
		int[] matches = matches(field, text, terms);
		if (matches.length == 0 && onlyIfMatched) {
			return null;
		}
		int start = 0;
		int end = text.length();
		if (end > maxChars) {
			int first = (matches.length == 0) ? 0 : matches[0];
			start = wordStart(text, Math.max(0, Math.min(first - maxChars / 4, text.length() - maxChars)));
			end = wordEnd(text, Math.min(text.length(), start + maxChars));
		}
		StringBuilder html = new StringBuilder(end - start + 32);
		if (start > 0) {
			html.append("\u2026 ");
		}
		int at = start;
		for (int i = 0; i < matches.length; i += 2) {
			int from = matches[i];
			int to = matches[i + 1];
			if (from < start || to > end) {
				continue;
			}
			escape(text, at, from, html);
			html.append("<mark>");
			escape(text, from, to, html);
			html.append("</mark>");
			at = to;
		}
		escape(text, at, end, html);
		if (end < text.length()) {
			html.append(" \u2026");
		}
		return html.toString();
	}

	/** Start and end offsets of the tokens whose analysed form is a query term. */
	private int[] matches(String field, String text, Set<String> terms) {
		if (terms.isEmpty() || text.isEmpty()) {
			return new int[0];
		}
		int[] offsets = new int[16];
		int n = 0;
		try (TokenStream tokens = this.analyzer.tokenStream(field, text)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				if (terms.contains(term.toString())) {
					if (n + 2 > offsets.length) {
						offsets = Arrays.copyOf(offsets, offsets.length * 2);
					}
					offsets[n++] = offset.startOffset();
					offsets[n++] = offset.endOffset();
				}
			}
			tokens.end();
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Arrays.copyOf(offsets, n);
	}

	private static int wordStart(String text, int index) {
		int i = index;
		while (i > 0 && i > index - 20 && !Character.isWhitespace(text.charAt(i - 1))) {
			i--;
		}
		return (i > 0 && Character.isLowSurrogate(text.charAt(i))) ? i - 1 : i;
	}

	private static int wordEnd(String text, int index) {
		int i = index;
		while (i < text.length() && i < index + 20 && !Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return (i < text.length() && Character.isLowSurrogate(text.charAt(i))) ? i + 1 : i;
	}

	static void escape(String text, int from, int to, StringBuilder html) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> html.append("&amp;");
				case '<' -> html.append("&lt;");
				case '>' -> html.append("&gt;");
				case '"' -> html.append("&quot;");
				case '\'' -> html.append("&#39;");
				default -> html.append(c);
			}
		}
	}

}
