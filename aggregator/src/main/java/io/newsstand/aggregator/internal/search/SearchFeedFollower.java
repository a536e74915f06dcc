package io.newsstand.aggregator.internal.search;

import io.newsstand.aggregator.ArticleSearchSource;
import io.newsstand.aggregator.SearchDocument;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.stream.StreamMessageListenerContainer;
import org.springframework.data.redis.stream.StreamMessageListenerContainer.StreamMessageListenerContainerOptions;
import org.springframework.data.redis.stream.StreamMessageListenerContainer.StreamReadRequest;

/**
 * Follows the search feed stream into one open index, from the entry the index
 * is current to: each entry re-reads its article as stored now, and the index
 * is committed with the last applied entry at most once per commit interval
 * (and when following stops), so a restart resumes from there.
 */
final class SearchFeedFollower {

	private static final Logger log = LoggerFactory.getLogger(SearchFeedFollower.class);

	/** How long one read of the feed blocks while nothing new comes. */
	private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

	private final SearchIndex index;

	private final SearchProperties properties;

	private final ArticleSearchSource source;

	private final StreamMessageListenerContainer<String, MapRecord<String, String, String>> container;

	private volatile boolean following = true;

	private volatile String applied;

	private volatile boolean uncommitted;

	private volatile long lastCommit = System.nanoTime();

	/** The container's reading loop, which outlives {@code container.stop()}. */
	private final RunningTasks reading = new RunningTasks();

	SearchFeedFollower(SearchIndex index, String from, SearchProperties properties, ArticleSearchSource source,
			RedisConnectionFactory connections, Executor executor) {
		this.index = index;
		this.applied = from;
		this.properties = properties;
		this.source = source;
		StreamMessageListenerContainerOptions<String, MapRecord<String, String, String>> options = StreamMessageListenerContainerOptions
				.builder().pollTimeout(POLL_TIMEOUT).batchSize(500).executor(this.reading.around(executor))
				.errorHandler(ex -> log.warn("Search feed {} could not be read: {}", SearchKeys.FEED, ex.toString()))
				.build();
		this.container = StreamMessageListenerContainer.create(connections, options);
		this.container.register(StreamReadRequest.builder(StreamOffset.create(SearchKeys.FEED, ReadOffset.from(from)))
				.cancelOnError(ex -> false).build(), this::apply);
	}

	void start() {
		this.container.start();
	}

	/**
	 * Applies one feed entry; the article is read as stored now, so replays are
	 * harmless.
	 */
	void apply(MapRecord<String, String, String> entry) {
		if (!this.following) {
			return;
		}
		Map<String, String> fields = entry.getValue();
		String articleId = fields.get("id");
		try {
			if (articleId != null) {
				Optional<SearchDocument> article = "delete".equals(fields.get("op"))
						? Optional.empty()
						: read(articleId);
				if (article.isPresent()) {
					this.index.upsert(article.get());
				} else {
					this.index.delete(articleId);
				}
			}
			this.applied = entry.getId().getValue();
			this.uncommitted = true;
			if (System.nanoTime() - this.lastCommit >= this.properties.commitInterval().toNanos()) {
				commit();
			}
		} catch (IOException | RuntimeException ex) {
			log.warn("Search feed entry {} for article {} could not be indexed", entry.getId(), articleId, ex);
		}
	}

	/**
	 * The article as stored now, waiting while Redis does not answer (a master
	 * failing over): the stream's position moves on after this entry, so an article
	 * skipped here would stay missing from this node's index until it changed
	 * again. Runs on the indexer's own thread, and nothing else could be indexed
	 * meanwhile anyway.
	 */
	private Optional<SearchDocument> read(String articleId) {
		for (long delay = 100;; delay = Math.min(delay * 2, 5000)) {
			try {
				return this.source.find(articleId);
			} catch (DataAccessException ex) {
				if (!this.following) {
					throw ex;
				}
				log.warn("Article {} for the search index could not be read, trying again in {} ms: {}", articleId,
						delay, ex.toString());
			}
			try {
				Thread.sleep(delay);
			} catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while reading article " + articleId, ex);
			}
		}
	}

	private void commit() throws IOException {
		this.index.commit(this.applied);
		this.uncommitted = false;
		this.lastCommit = System.nanoTime();
	}

	/**
	 * Stops reading the feed and commits what was applied since the last commit;
	 * the index stays open.
	 */
	void stop() {
		this.following = false;
		this.container.stop();
		// The container only marks its reading loop cancelled: a read blocked in
		// Redis ends within the poll timeout. Waiting for it means nothing of this
		// follower reads Redis once stop returns, so closing the connections next
		// cuts no read short (which logged a failed read, and a pooled connection
		// never released, on every shutdown).
		if (!this.reading.awaitNone(POLL_TIMEOUT.plusSeconds(2))) {
			log.info("Search feed {} read still running {} after stop", SearchKeys.FEED, POLL_TIMEOUT.plusSeconds(2));
		}
		try {
			if (this.uncommitted) {
				commit();
			}
		} catch (IOException ex) {
			log.warn("Search index in {} could not be committed on shutdown; it replays the feed on start",
					this.properties.indexDir(), ex);
		}
	}

}
