package io.newsstand.aggregator.internal.search;

import io.newsstand.aggregator.SearchHit.SnippetSource;
import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter.HighlightFlag;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.jspecify.annotations.Nullable;

/**
 * Highlighted titles and snippets as safe HTML: Lucene's passage formatter
 * escapes every character of the stored text and only then wraps matches in
 * {@code <mark>}. Which fields a snippet may come from is the paywall's call:
 * without body access only summary and teaser are ever read, so body text
 * cannot leak into a snippet.
 */
final class Snippets {

	private static final int SNIPPET_CHARS = 10_000;

	private final Analyzer analyzer;

	Snippets(Analyzer analyzer) {
		this.analyzer = analyzer;
	}

	/** Highlights for the given documents, in their order. */
	Highlighted[] highlight(IndexSearcher searcher, Query query, int[] docIds, boolean bodyVisible) throws IOException {
		UnifiedHighlighter titles = UnifiedHighlighter.builder(searcher, this.analyzer).withFormatter(formatter())
				.withBreakIterator(WholeBreakIterator::new).withMaxNoHighlightPassages(1)
				.withFlags(java.util.Set.of(HighlightFlag.PHRASES, HighlightFlag.MULTI_TERM_QUERY)).build();
		UnifiedHighlighter passages = UnifiedHighlighter.builder(searcher, this.analyzer).withFormatter(formatter())
				.withMaxLength(SNIPPET_CHARS).withMaxNoHighlightPassages(0)
				.withFlags(java.util.Set.of(HighlightFlag.PHRASES, HighlightFlag.MULTI_TERM_QUERY)).build();
		UnifiedHighlighter fallbacks = UnifiedHighlighter.builder(searcher, this.analyzer).withFormatter(formatter())
				.withMaxLength(SNIPPET_CHARS).withMaxNoHighlightPassages(1).build();

		String first = bodyVisible ? SearchSchema.BODY : SearchSchema.TEASER;
		String[] fields = {first, SearchSchema.SUMMARY};
		int[] one = {1, 1};
		Map<String, String[]> marked = passages.highlightFields(fields, query, docIds, one);
		Map<String, String[]> title = titles.highlightFields(new String[]{SearchSchema.TITLE}, query, docIds,
				new int[]{1});
		Map<String, String[]> plain = fallbacks.highlightFields(new String[]{SearchSchema.SUMMARY, SearchSchema.TEASER},
				query, docIds, new int[]{1, 1});

		Highlighted[] result = new Highlighted[docIds.length];
		for (int i = 0; i < docIds.length; i++) {
			String titleHtml = orEmpty(title.get(SearchSchema.TITLE)[i]);
			String firstChoice = marked.get(first)[i];
			String summary = marked.get(SearchSchema.SUMMARY)[i];
			if (firstChoice != null) {
				result[i] = new Highlighted(titleHtml, firstChoice.strip(),
						bodyVisible ? SnippetSource.BODY : SnippetSource.TEASER);
			} else if (summary != null) {
				result[i] = new Highlighted(titleHtml, summary.strip(), SnippetSource.SUMMARY);
			} else if (plain.get(SearchSchema.SUMMARY)[i] != null && !plain.get(SearchSchema.SUMMARY)[i].isBlank()) {
				result[i] = new Highlighted(titleHtml, plain.get(SearchSchema.SUMMARY)[i].strip(),
						SnippetSource.SUMMARY);
			} else if (plain.get(SearchSchema.TEASER)[i] != null && !plain.get(SearchSchema.TEASER)[i].isBlank()) {
				result[i] = new Highlighted(titleHtml, plain.get(SearchSchema.TEASER)[i].strip(), SnippetSource.TEASER);
			} else {
				result[i] = new Highlighted(titleHtml, "", SnippetSource.NONE);
			}
		}
		return result;
	}

	private static DefaultPassageFormatter formatter() {
		return new DefaultPassageFormatter("<mark>", "</mark>", "\u2026 ", true);
	}

	private static String orEmpty(@Nullable String value) {
		return (value == null) ? "" : value;
	}

	record Highlighted(String titleHtml, String snippetHtml, SnippetSource source) {
	}

}
