package io.newsstand.aggregator.internal.search;

import io.newsstand.aggregator.SearchHit.SnippetSource;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.jspecify.annotations.Nullable;

/**
 * Highlighted titles and snippets as safe HTML: every character of the stored
 * text is escaped, and only matches are wrapped in {@code <mark>}. Which fields
 * a snippet may come from is the paywall's call: without body access only
 * teaser and summary are read, so body text cannot leak into a snippet.
 * <p>
 * Short fields are marked by {@link Marker}; body passages come from Lucene's
 * unified highlighter, which finds the best passage from the offsets stored in
 * the postings instead of re-reading a long body.
 */
final class Snippets {

	private static final int BODY_CHARS = 10_000;

	private static final Set<String> SHORT_FIELDS = Set.of(SearchSchema.TITLE, SearchSchema.SUMMARY,
			SearchSchema.TEASER);

	private final Analyzer analyzer;

	private final Marker marker;

	Snippets(Analyzer analyzer) {
		this.analyzer = analyzer;
		this.marker = new Marker(analyzer);
	}

	/** Highlights for the given documents, in their order. */
	Highlighted[] highlight(IndexSearcher searcher, Query query, int[] docIds, boolean bodyVisible) throws IOException {
		Map<String, Set<String>> terms = Marker.terms(query);
		@Nullable
		String[] bodies = bodyVisible ? bodyPassages(searcher, query, docIds) : new String[docIds.length];
		StoredFields stored = searcher.storedFields();
		Highlighted[] result = new Highlighted[docIds.length];
		for (int i = 0; i < docIds.length; i++) {
			Document document = stored.document(docIds[i], SHORT_FIELDS);
			String title = Objects
					.requireNonNull(this.marker.mark(SearchSchema.TITLE, value(document, SearchSchema.TITLE),
							terms.getOrDefault(SearchSchema.TITLE, Set.of()), Integer.MAX_VALUE, false));
			result[i] = new Highlighted(title, bodies[i], document, terms, bodyVisible);
		}
		return result;
	}

	private @Nullable String[] bodyPassages(IndexSearcher searcher, Query query, int[] docIds) throws IOException {
		UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, this.analyzer)
				.withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "\u2026 ", true))
				.withMaxLength(BODY_CHARS).withMaxNoHighlightPassages(0).build();
		return highlighter.highlightFields(new String[]{SearchSchema.BODY}, query, docIds, new int[]{1})
				.get(SearchSchema.BODY);
	}

	private static String value(Document document, String field) {
		String value = document.get(field);
		return (value == null) ? "" : value;
	}

	/** The title and the best snippet of one document. */
	final class Highlighted {

		private final String titleHtml;

		private final String snippetHtml;

		private final SnippetSource source;

		Highlighted(String titleHtml, @Nullable String bodyPassage, Document document, Map<String, Set<String>> terms,
				boolean bodyVisible) {
			this.titleHtml = titleHtml;
			String teaser = value(document, SearchSchema.TEASER);
			String summary = value(document, SearchSchema.SUMMARY);
			String markedTeaser = Snippets.this.marker.mark(SearchSchema.TEASER, teaser,
					terms.getOrDefault(SearchSchema.TEASER, Set.of()), Marker.SHORT_SNIPPET_CHARS, true);
			String markedSummary = Snippets.this.marker.mark(SearchSchema.SUMMARY, summary,
					terms.getOrDefault(SearchSchema.SUMMARY, Set.of()), Marker.SHORT_SNIPPET_CHARS, true);
			if (bodyVisible && bodyPassage != null && !bodyPassage.isBlank()) {
				this.snippetHtml = bodyPassage.strip();
				this.source = SnippetSource.BODY;
			} else if (!bodyVisible && markedTeaser != null) {
				this.snippetHtml = markedTeaser;
				this.source = SnippetSource.TEASER;
			} else if (markedSummary != null) {
				this.snippetHtml = markedSummary;
				this.source = SnippetSource.SUMMARY;
			} else if (markedTeaser != null) {
				this.snippetHtml = markedTeaser;
				this.source = SnippetSource.TEASER;
			} else if (!summary.isBlank()) {
				this.snippetHtml = Objects.requireNonNull(Snippets.this.marker.mark(SearchSchema.SUMMARY, summary,
						Set.of(), Marker.SHORT_SNIPPET_CHARS, false));
				this.source = SnippetSource.SUMMARY;
			} else if (!teaser.isBlank()) {
				this.snippetHtml = Objects.requireNonNull(Snippets.this.marker.mark(SearchSchema.TEASER, teaser,
						Set.of(), Marker.SHORT_SNIPPET_CHARS, false));
				this.source = SnippetSource.TEASER;
			} else {
				this.snippetHtml = "";
				this.source = SnippetSource.NONE;
			}
		}

		String titleHtml() {
			return this.titleHtml;
		}

		String snippetHtml() {
			return this.snippetHtml;
		}

		SnippetSource source() {
			return this.source;
		}

	}

}
