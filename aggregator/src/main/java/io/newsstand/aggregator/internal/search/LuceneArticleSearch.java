package io.newsstand.aggregator.internal.search;

import io.newsstand.aggregator.ArticleSearch;
import io.newsstand.aggregator.SearchHit;
import io.newsstand.aggregator.SearchQuery;
import io.newsstand.aggregator.SearchResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.jspecify.annotations.Nullable;

/**
 * Searches this node's index. The index may not be open yet (it opens and, if
 * needed, rebuilds in the background): until then results are empty and say so.
 */
final class LuceneArticleSearch implements ArticleSearch {

	static {
		LuceneClasses.initialize();
	}

	private final Supplier<@Nullable SearchIndex> index;

	private final Supplier<Boolean> ready;

	private final QueryFactory queries;

	private final Snippets snippets;

	private final InstantSource clock;

	private final long refreshNanos;

	LuceneArticleSearch(Supplier<@Nullable SearchIndex> index, Supplier<Boolean> ready, Analyzer analyzer,
			SearchProperties properties, InstantSource clock) {
		this.index = index;
		this.ready = ready;
		this.queries = new QueryFactory(analyzer, properties);
		this.snippets = new Snippets(analyzer);
		this.clock = clock;
		this.refreshNanos = properties.refreshInterval().toNanos();
	}

	@Override
	public SearchResults search(SearchQuery search) {
		SearchIndex current = this.index.get();
		boolean complete = this.ready.get();
		if (current == null) {
			return SearchResults.empty(false);
		}
		Instant now = this.clock.instant();
		Query query = this.queries.query(search, now);
		if (query == null) {
			return SearchResults.empty(complete);
		}
		try {
			current.refreshIfDue(this.refreshNanos);
			IndexSearcher searcher = current.acquire();
			try {
				return search(searcher, query, search, complete);
			} finally {
				current.release(searcher);
			}
		} catch (IOException ex) {
			throw new UncheckedIOException("Search index failed for query of " + search.text().length() + " chars", ex);
		}
	}

	private SearchResults search(IndexSearcher searcher, Query query, SearchQuery search, boolean complete)
			throws IOException {
		TopDocs top = searcher.search(query, search.offset() + search.limit());
		ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(search.offset(), top.scoreDocs.length),
				top.scoreDocs.length);
		int[] docIds = Arrays.stream(page).mapToInt(hit -> hit.doc).toArray();
		Snippets.Highlighted[] highlighted = this.snippets.highlight(searcher, query, docIds, search.bodyVisible());
		StoredFields stored = searcher.storedFields();
		List<SearchHit> hits = new ArrayList<>(page.length);
		for (int i = 0; i < page.length; i++) {
			Document document = stored.document(page[i].doc,
					Set.of(SearchSchema.ID, SearchSchema.PUBLISHER, SearchSchema.SECTION, SearchSchema.PUBLISHED));
			hits.add(new SearchHit(document.get(SearchSchema.ID), page[i].score, document.get(SearchSchema.PUBLISHER),
					document.get(SearchSchema.SECTION),
					Instant.ofEpochSecond(document.getField(SearchSchema.PUBLISHED).numericValue().longValue()),
					highlighted[i].titleHtml(), highlighted[i].snippetHtml(), highlighted[i].source()));
		}
		return new SearchResults(hits, top.totalHits.value(), complete);
	}

}
