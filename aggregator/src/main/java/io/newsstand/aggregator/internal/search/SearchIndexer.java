package io.newsstand.aggregator.internal.search;

import io.newsstand.aggregator.ArticleSearchSource;
import io.newsstand.aggregator.SearchDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.store.LockObtainFailedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Keeps this node's index current: opens it in the background once the app
 * starts, rebuilds it from the article store when it is missing or stale, then
 * follows the search feed stream from the last entry the index holds.
 * <p>
 * The index is stale when it was written by another schema version, when Redis
 * no longer has the stream it followed (a new or wiped Redis), or when the
 * stream may have been trimmed past entries the index never saw. Following the
 * feed is {@link SearchFeedFollower}'s part.
 */
final class SearchIndexer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

	private final SearchProperties properties;

	private final StringRedisTemplate redis;

	private final RedisConnectionFactory connections;

	private final ArticleSearchSource source;

	private final Analyzer analyzer;

	private final InstantSource clock;

	private final Executor executor;

	private volatile @Nullable SearchIndex index;

	private volatile boolean ready;

	private volatile boolean off;

	private volatile boolean running;

	private volatile @Nullable SearchFeedFollower follower;

	SearchIndexer(SearchProperties properties, StringRedisTemplate redis, RedisConnectionFactory connections,
			ArticleSearchSource source, Analyzer analyzer, InstantSource clock, Executor executor) {
		this.properties = properties;
		this.redis = redis;
		this.connections = connections;
		this.source = source;
		this.analyzer = analyzer;
		this.clock = clock;
		this.executor = executor;
	}

	@Nullable
	SearchIndex index() {
		return this.index;
	}

	/** Whether the index holds every article (false while it opens or rebuilds). */
	boolean ready() {
		return this.ready;
	}

	/**
	 * Whether this node gave up on search: its index directory is held by another
	 * instance or cannot be opened. Searches then find nothing here.
	 */
	boolean off() {
		return this.off;
	}

	@Override
	public void start() {
		if (!this.properties.enabled() || this.running) {
			return;
		}
		this.running = true;
		this.executor.execute(this::openAndFollow);
	}

	/**
	 * Opens the index, rebuilds it if stale, and follows the feed; runs once, in
	 * the background.
	 */
	void openAndFollow() {
		SearchIndex opened;
		try {
			Files.createDirectories(this.properties.indexDir());
			opened = SearchIndex.open(this.properties.indexDir(), this.analyzer, this.properties.maxBodyChars());
		} catch (LockObtainFailedException ex) {
			log.warn("Search is off on this node: the index in {} is in use by another instance "
					+ "(give each instance its own newsstand.search.index-dir)", this.properties.indexDir());
			this.off = true;
			return;
		} catch (IOException ex) {
			log.error("Search is off on this node: cannot open the index in {} (newsstand.search.index-dir)",
					this.properties.indexDir(), ex);
			this.off = true;
			return;
		}
		synchronized (this) {
			if (!this.running) {
				close(opened);
				return;
			}
			this.index = opened;
		}
		// Redis or the article store may be briefly unreachable: this runs on its own
		// virtual thread, so waiting between attempts blocks nobody.
		for (long delay = 1; this.running; delay = Math.min(delay * 2, 60)) {
			try {
				bringUpToDate(opened);
				return;
			} catch (RebuildCancelled ex) {
				return;
			} catch (IOException | RuntimeException ex) {
				log.warn("Search index in {} could not be brought up to date, trying again in {} s; searches answer "
						+ "from what it holds", this.properties.indexDir(), delay, ex);
			}
			try {
				Thread.sleep(Duration.ofSeconds(delay));
			} catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void bringUpToDate(SearchIndex opened) throws IOException {
		Optional<String> resumeFrom = opened.committedStreamId().filter(this::stillFollowable);
		String from = resumeFrom.isPresent() ? resumeFrom.get() : rebuild(opened);
		this.ready = true;
		follow(opened, from);
		log.info("Search index in {} holds {} articles, following {} from entry {}", this.properties.indexDir(),
				opened.documents(), SearchKeys.FEED, from);
	}

	/** Whether replaying the feed from this entry misses nothing. */
	private boolean stillFollowable(String committedId) {
		List<MapRecord<String, Object, Object>> first = this.redis.opsForStream().range(SearchKeys.FEED,
				Range.unbounded(), Limit.limit().count(1));
		boolean streamExists = Boolean.TRUE.equals(this.redis.hasKey(SearchKeys.FEED));
		if (!streamExists) {
			return committedId.equals(StreamIds.START);
		}
		String lastGenerated = this.redis.opsForStream().info(SearchKeys.FEED).lastGeneratedId();
		if (StreamIds.compare(lastGenerated, committedId) < 0) {
			return false; // the stream was recreated: not the Redis this index followed
		}
		boolean headTrimmedPastUs = first != null && !first.isEmpty()
				&& StreamIds.compare(first.get(0).getId().getValue(), committedId) > 0;
		long trimmedBefore = this.clock.instant().minus(this.properties.feedRetention()).toEpochMilli();
		return !(headTrimmedPastUs && StreamIds.millis(committedId) < trimmedBefore);
	}

	/**
	 * Rebuilds from the article store; returns the feed entry the rebuilt index is
	 * current to.
	 */
	String rebuild(SearchIndex target) throws IOException {
		long started = System.nanoTime();
		String tail = streamTail();
		target.deleteAll();
		int[] count = {0};
		this.source.forEachArticle(article -> {
			if (!this.running) {
				throw new RebuildCancelled();
			}
			upsert(target, article);
			count[0]++;
		});
		target.commit(tail);
		target.refresh();
		log.info("Search index rebuilt from the article store: {} articles in {} ms", count[0],
				Duration.ofNanos(System.nanoTime() - started).toMillis());
		return tail;
	}

	private static void upsert(SearchIndex target, SearchDocument article) {
		try {
			target.upsert(article);
		} catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String streamTail() {
		if (!Boolean.TRUE.equals(this.redis.hasKey(SearchKeys.FEED))) {
			return StreamIds.START;
		}
		return this.redis.opsForStream().info(SearchKeys.FEED).lastGeneratedId();
	}

	private void follow(SearchIndex opened, String from) {
		SearchFeedFollower created = new SearchFeedFollower(opened, from, this.properties, this.source,
				this.connections, this.executor);
		synchronized (this) {
			if (!this.running) {
				return;
			}
			this.follower = created;
			created.start();
		}
	}

	@Override
	public void stop() {
		SearchFeedFollower following;
		SearchIndex open;
		synchronized (this) {
			this.running = false;
			following = this.follower;
			open = this.index;
			this.follower = null;
			this.index = null;
			this.ready = false;
		}
		if (following != null) {
			following.stop();
		}
		if (open != null) {
			close(open);
		}
	}

	private void close(SearchIndex open) {
		try {
			open.close();
		} catch (IOException ex) {
			log.warn("Search index in {} did not close cleanly", this.properties.indexDir(), ex);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** The app is stopping: a rebuild in progress ends without its commit. */
	private static final class RebuildCancelled extends RuntimeException {

		RebuildCancelled() {
			super("Search index rebuild cancelled by shutdown", null, false, false);
		}

	}

}
