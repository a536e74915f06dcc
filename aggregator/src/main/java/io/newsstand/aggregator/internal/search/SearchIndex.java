package io.newsstand.aggregator.internal.search;

import io.newsstand.aggregator.SearchDocument;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * One node's Lucene index: a writer, near-real-time searchers, and the last
 * stream entry applied, committed together with the documents so that a restart
 * resumes exactly where the committed index ends.
 */
final class SearchIndex implements Closeable {

	static {
		LuceneClasses.initialize();
	}

	static final String STREAM_ID = "newsstand.stream-id";

	static final String SCHEMA = "newsstand.schema";

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	private final Map<String, String> committed;

	private final int maxBodyChars;

	private final AtomicBoolean changed = new AtomicBoolean();

	private volatile long lastRefresh = System.nanoTime();

	private SearchIndex(Directory directory, IndexWriter writer, Map<String, String> committed, int maxBodyChars)
			throws IOException {
		this.directory = directory;
		this.writer = writer;
		this.committed = committed;
		this.maxBodyChars = maxBodyChars;
		this.searchers = new SearcherManager(writer, null);
	}

	/**
	 * Opens (or creates) the index in a directory; fails with
	 * {@link org.apache.lucene.store.LockObtainFailedException} when another
	 * process or app instance holds it.
	 */
	static SearchIndex open(Path path, Analyzer analyzer, int maxBodyChars) throws IOException {
		Directory directory = FSDirectory.open(path);
		try {
			Map<String, String> committed = new HashMap<>();
			if (DirectoryReader.indexExists(directory)) {
				try (DirectoryReader reader = DirectoryReader.open(directory)) {
					committed.putAll(reader.getIndexCommit().getUserData());
				}
			}
			IndexWriterConfig config = new IndexWriterConfig(analyzer);
			config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
			config.setCommitOnClose(false);
			config.setRAMBufferSizeMB(64);
			return new SearchIndex(directory, new IndexWriter(directory, config), committed, maxBodyChars);
		} catch (IOException | RuntimeException ex) {
			directory.close();
			throw ex;
		}
	}

	/**
	 * The last stream entry the committed index includes, if it was committed by
	 * this schema.
	 */
	Optional<String> committedStreamId() {
		if (!SearchSchema.VERSION.equals(this.committed.get(SCHEMA))) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.committed.get(STREAM_ID));
	}

	void upsert(SearchDocument article) throws IOException {
		this.writer.updateDocument(new Term(SearchSchema.ID, article.id()),
				SearchSchema.document(article, this.maxBodyChars));
		this.changed.set(true);
	}

	void delete(String articleId) throws IOException {
		this.writer.deleteDocuments(new Term(SearchSchema.ID, articleId));
		this.changed.set(true);
	}

	void deleteAll() throws IOException {
		this.writer.deleteAll();
		this.changed.set(true);
	}

	/** Makes everything written so far durable, as of the given stream entry. */
	synchronized void commit(String streamId) throws IOException {
		this.writer.setLiveCommitData(Map.of(STREAM_ID, streamId, SCHEMA, SearchSchema.VERSION).entrySet());
		this.writer.commit();
		this.committed.put(STREAM_ID, streamId);
		this.committed.put(SCHEMA, SearchSchema.VERSION);
	}

	/** Makes recent writes visible to searches now, if there are any. */
	void refresh() throws IOException {
		if (this.changed.getAndSet(false)) {
			this.lastRefresh = System.nanoTime();
			this.searchers.maybeRefreshBlocking();
		}
	}

	/**
	 * Makes recent writes visible unless the last refresh is more recent than the
	 * interval: under a steady stream of writes, searches do not each pay for
	 * reopening the index.
	 */
	void refreshIfDue(long intervalNanos) throws IOException {
		if (this.changed.get() && System.nanoTime() - this.lastRefresh >= intervalNanos) {
			refresh();
		}
	}

	IndexSearcher acquire() throws IOException {
		return this.searchers.acquire();
	}

	void release(IndexSearcher searcher) throws IOException {
		this.searchers.release(searcher);
	}

	int documents() {
		return this.writer.getDocStats().numDocs;
	}

	@Override
	public void close() throws IOException {
		try (Directory d = this.directory; IndexWriter w = this.writer; SearcherManager s = this.searchers) {
			// closed in reverse order: searchers, writer (without committing), directory
		}
	}

}
