package io.newsstand.aggregator.internal.search;

import io.newsstand.aggregator.SearchDocument;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.jsoup.Jsoup;

/**
 * The index's fields and how an article becomes a Lucene document. Text fields
 * keep offsets in their postings so that snippets of long bodies are cut
 * without re-analysing them.
 */
final class SearchSchema {

	/**
	 * Bumped whenever fields or analysis change: an index of another version is
	 * rebuilt.
	 */
	static final String VERSION = "1";

	static final String ID = "id";

	static final String PUBLISHER = "publisher";

	static final String SECTION = "section";

	static final String SECTION_KEY = "section_key";

	static final String PUBLISHED = "published";

	static final String TITLE = "title";

	static final String SUMMARY = "summary";

	static final String TEASER = "teaser";

	static final String AUTHOR = "author";

	static final String BODY = "body";

	private static final FieldType TEXT = textType();

	private static final int MAX_SHORT_FIELD_CHARS = 2_000;

	private SearchSchema() {
	}

	static Analyzer analyzer() {
		return new EnglishAnalyzer();
	}

	static Document document(SearchDocument article, int maxBodyChars) {
		Document document = new Document();
		document.add(new StringField(ID, article.id(), Field.Store.YES));
		document.add(new StringField(PUBLISHER, article.publisherId(), Field.Store.YES));
		document.add(new StoredField(SECTION, article.section()));
		document.add(new StringField(SECTION_KEY, sectionKey(article.section()), Field.Store.NO));
		long published = article.publishedAt().getEpochSecond();
		document.add(new LongPoint(PUBLISHED, published));
		document.add(new NumericDocValuesField(PUBLISHED, published));
		document.add(new StoredField(PUBLISHED, published));
		document.add(new Field(TITLE, plain(article.title(), MAX_SHORT_FIELD_CHARS), TEXT));
		document.add(new Field(SUMMARY, plain(article.summary(), MAX_SHORT_FIELD_CHARS * 2), TEXT));
		document.add(new Field(TEASER, plain(article.teaser(), MAX_SHORT_FIELD_CHARS * 2), TEXT));
		document.add(new Field(AUTHOR, plain(article.author(), 500), TEXT));
		document.add(new Field(BODY, plain(article.bodyHtml(), maxBodyChars), TEXT));
		return document;
	}

	static String sectionKey(String section) {
		return section.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Text of possibly marked-up input, cut to a bound (the markup is bounded
	 * first).
	 */
	static String plain(String text, int maxChars) {
		String bounded = (text.length() > maxChars * 4L) ? text.substring(0, maxChars * 4) : text;
		String plain = (bounded.indexOf('<') >= 0 || bounded.indexOf('&') >= 0)
				? Jsoup.parseBodyFragment(bounded).text()
				: bounded;
		return (plain.length() > maxChars) ? plain.substring(0, maxChars) : plain;
	}

	private static FieldType textType() {
		FieldType type = new FieldType();
		type.setTokenized(true);
		type.setStored(true);
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		type.freeze();
		return type;
	}

}
