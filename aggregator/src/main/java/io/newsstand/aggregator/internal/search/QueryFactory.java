package io.newsstand.aggregator.internal.search;

import io.newsstand.aggregator.SearchQuery;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * Turns a reader's search into a Lucene query: the words (and "quoted phrases")
 * must all match somewhere across the fields the reader may see, with title and
 * author weighing more; filters do not score; the score is then multiplied by a
 * recency boost that halves with every half-life of age. Nothing a reader types
 * is query syntax beyond quotes: {@code title:(}, {@code *}, {@code ~} or
 * {@code AND} are read as text.
 * <p>
 * The fields follow the paywall's decision ({@link SearchQuery#bodyVisible()}):
 * a reader who may not read bodies matches only title, author, summary and
 * teaser, the text every page shows them. Matching the body and showing only
 * the teaser made search an oracle: phrase queries narrowed to one article
 * rebuilt its paywalled words one by one.
 */
final class QueryFactory {

	static final int MAX_QUERY_CHARS = 256;

	/** What a reader who may read bodies matches. */
	private static final Map<String, Float> FULL_TEXT = Map.of(SearchSchema.TITLE, 3f, SearchSchema.AUTHOR, 2f,
			SearchSchema.SUMMARY, 1.5f, SearchSchema.TEASER, 1f, SearchSchema.BODY, 1f);

	/** What every reader sees: no body field, so no body word can match. */
	private static final Map<String, Float> PUBLIC_TEXT = Map.of(SearchSchema.TITLE, 3f, SearchSchema.AUTHOR, 2f,
			SearchSchema.SUMMARY, 1.5f, SearchSchema.TEASER, 1f);

	private final Analyzer analyzer;

	private final double halfLifeSeconds;

	private final double recencyWeight;

	QueryFactory(Analyzer analyzer, SearchProperties properties) {
		this.analyzer = analyzer;
		this.halfLifeSeconds = properties.recencyHalfLife().toSeconds();
		this.recencyWeight = properties.recencyWeight();
	}

	/**
	 * The words alone, over the body too only when {@code bodyVisible}, or
	 * {@code null} when the text holds no searchable word.
	 */
	@Nullable
	Query words(String text, boolean bodyVisible) {
		String cleaned = clean(text);
		if (cleaned.isBlank()) {
			return null;
		}
		SimpleQueryParser parser = new SimpleQueryParser(this.analyzer, bodyVisible ? FULL_TEXT : PUBLIC_TEXT,
				SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.WHITESPACE_OPERATOR);
		parser.setDefaultOperator(Occur.MUST);
		Query query = parser.parse(cleaned);
		return (query instanceof MatchNoDocsQuery) ? null : query;
	}

	/** The whole query, or {@code null} when nothing can match. */
	@Nullable
	Query query(SearchQuery search, Instant now) {
		Query words = words(search.text(), search.bodyVisible());
		if (words == null) {
			return null;
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(words, Occur.MUST);
		if (!search.publishers().isEmpty()) {
			query.add(new TermInSetQuery(SearchSchema.PUBLISHER,
					search.publishers().stream().map(BytesRef::new).toList()), Occur.FILTER);
		}
		if (!search.sections().isEmpty()) {
			List<BytesRef> sections = search.sections().stream().map(SearchSchema::sectionKey).map(BytesRef::new)
					.toList();
			query.add(new TermInSetQuery(SearchSchema.SECTION_KEY, sections), Occur.FILTER);
		}
		if (search.from() != null || search.to() != null) {
			long from = (search.from() == null) ? Long.MIN_VALUE : search.from().getEpochSecond();
			long to = (search.to() == null) ? Long.MAX_VALUE : search.to().getEpochSecond() - 1;
			if (from > to) {
				return null;
			}
			query.add(LongPoint.newRangeQuery(SearchSchema.PUBLISHED, from, to), Occur.FILTER);
		}
		return FunctionScoreQuery.boostByValue(query.build(), recency(now));
	}

	/** A query for one exact term, the baseline of the search benchmark. */
	static Query term(String field, String term) {
		return new TermQuery(new Term(field, term));
	}

	private DoubleValuesSource recency(Instant now) {
		long nowSeconds = now.getEpochSecond();
		double halfLife = this.halfLifeSeconds;
		double weight = this.recencyWeight;
		return DoubleValuesSource.fromField(SearchSchema.PUBLISHED,
				published -> 1 + weight * Math.pow(2, -Math.max(0, nowSeconds - published) / halfLife));
	}

	/**
	 * Bounded, normalised, without control characters and the parser's escape
	 * character.
	 */
	static String clean(String text) {
		String bounded = (text.length() > MAX_QUERY_CHARS) ? text.substring(0, MAX_QUERY_CHARS) : text;
		String normalised = Normalizer.normalize(bounded, Normalizer.Form.NFKC);
		StringBuilder cleaned = new StringBuilder(normalised.length());
		normalised.codePoints().forEach(cp -> {
			if (Character.isISOControl(cp) || cp == '\\' || cp == '*' || Character.getType(cp) == Character.SURROGATE) {
				cleaned.append(' ');
			} else {
				cleaned.appendCodePoint(cp);
			}
		});
		return cleaned.toString();
	}

}
