package io.newsstand.aggregator.internal.search;

import static io.newsstand.aggregator.internal.search.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsstand.aggregator.SearchDocument;
import io.newsstand.aggregator.SearchHit;
import io.newsstand.aggregator.SearchQuery;
import io.newsstand.testing.RedisExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.RedisClientInfo;

@ExtendWith(RedisExtension.class)
class SearchIndexerTest {

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	@TempDir
	Path dir;

	private final StringRedisTemplate redis;

	private final RedisConnectionFactory connections;

	private final Articles articles = new Articles();

	private final List<SearchIndexer> started = new ArrayList<>();

	private RedisSearchFeed feed;

	SearchIndexerTest(StringRedisTemplate redis, RedisConnectionFactory connections) {
		this.redis = redis;
		this.connections = connections;
	}

	@BeforeEach
	void emptyRedis() {
		this.redis.execute((RedisCallback<Object>) connection -> {
			connection.serverCommands().flushDb();
			return null;
		});
		this.feed = new RedisSearchFeed(this.redis, Duration.ofDays(7), InstantSource.system());
	}

	@AfterEach
	void stopIndexers() {
		this.started.forEach(SearchIndexer::stop);
	}

	private SearchIndexer indexer(InstantSource clock) {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("test-search-");
		executor.setVirtualThreads(true);
		SearchIndexer indexer = new SearchIndexer(SearchProperties.defaults(this.dir), this.redis, this.connections,
				this.articles, SearchSchema.analyzer(), clock, executor);
		this.started.add(indexer);
		indexer.start();
		return indexer;
	}

	private SearchIndexer readyIndexer(InstantSource clock) {
		SearchIndexer indexer = indexer(clock);
		await().atMost(PATIENCE).until(indexer::ready);
		return indexer;
	}

	private static List<String> ids(SearchIndexer indexer, String text) {
		SearchProperties properties = new SearchProperties(true, Path.of("unused"), Duration.ofDays(7), Duration.ZERO,
				Duration.ZERO, Duration.ofHours(48), 1, 1000);
		return new LuceneArticleSearch(indexer::index, indexer::ready, SearchSchema.analyzer(), properties,
				InstantSource.system()).search(SearchQuery.of(text).page(0, 100)).hits().stream()
				.map(SearchHit::articleId).toList();
	}

	@Test
	void buildsAMissingIndexFromTheArticleStore() {
		this.articles.put(article("a", "Harbour tunnel opens", "x")).put(article("b", "Tunnel tolls", "y"));

		SearchIndexer indexer = readyIndexer(InstantSource.system());

		assertThat(ids(indexer, "tunnel")).containsExactlyInAnyOrder("a", "b");
		assertThat(this.articles.fullReads).hasValue(1);
	}

	@Test
	void followsNewUpdatedAndRemovedArticlesThroughTheFeed() {
		SearchIndexer indexer = readyIndexer(InstantSource.system());

		this.articles.put(article("a", "Ferry strike called", "x"));
		this.feed.articleStored("a");
		await().atMost(PATIENCE).until(() -> ids(indexer, "ferry").equals(List.of("a")));

		this.articles.put(article("a", "Ferry strike called off", "x"));
		this.feed.articleStored("a");
		await().atMost(PATIENCE).until(() -> ids(indexer, "off").equals(List.of("a")));

		this.feed.articleRemoved("a");
		await().atMost(PATIENCE).until(() -> ids(indexer, "ferry").isEmpty());
	}

	@Test
	void resumesFromTheLastCommittedEntryWithoutRebuilding() {
		this.articles.put(article("a", "Budget day", "x"));
		SearchIndexer first = readyIndexer(InstantSource.system());
		this.articles.put(article("b", "Budget reaction", "y"));
		this.feed.articleStored("b");
		await().atMost(PATIENCE).until(() -> ids(first, "budget").size() == 2);
		first.stop();

		this.articles.put(article("c", "Budget analysis", "z")); // while the node is down
		this.feed.articleStored("c");
		SearchIndexer second = readyIndexer(InstantSource.system());

		await().atMost(PATIENCE).until(() -> ids(second, "budget").size() == 3);
		assertThat(this.articles.fullReads).hasValue(1);
	}

	@Test
	void rebuildsWhenRedisNoLongerHasTheFeedItFollowed() {
		SearchIndexer first = readyIndexer(InstantSource.system());
		// Stored after the first rebuild, so the index can only learn of it through the
		// feed and commits a feed position past the start.
		this.articles.put(article("a", "Budget day", "x"));
		this.feed.articleStored("a");
		await().atMost(PATIENCE).until(() -> ids(first, "budget").size() == 1);
		first.stop();
		this.redis.delete(SearchKeys.FEED); // a new, empty Redis

		this.articles.remove("a").put(article("b", "Budget reaction", "y"));
		SearchIndexer second = readyIndexer(InstantSource.system());

		assertThat(ids(second, "budget")).containsExactly("b");
		assertThat(this.articles.fullReads).hasValue(2);
	}

	@Test
	void rebuildsWhenTheFeedWasTrimmedPastTheIndex() {
		SearchIndexer first = readyIndexer(InstantSource.system());
		this.articles.put(article("a", "Budget day", "x"));
		this.feed.articleStored("a");
		await().atMost(PATIENCE).until(() -> ids(first, "budget").size() == 1);
		first.stop();

		this.articles.put(article("b", "Budget reaction", "y"));
		this.feed.articleStored("b"); // an entry the stopped node never saw...
		String last = this.redis.opsForStream().info(SearchKeys.FEED).lastGeneratedId();
		this.redis.execute(
				(RedisCallback<Object>) connection -> connection.streamCommands().xTrim(SearchKeys.FEED.getBytes(), 0)); // ...trimmed
																															// away
																															// a
																															// week
																															// later
		this.feed.articleStored("unrelated");
		assertThat(StreamIds.compare(this.redis.opsForStream().info(SearchKeys.FEED).firstEntryId(), last))
				.isPositive();

		InstantSource aWeekLater = InstantSource.fixed(Instant.now().plus(Duration.ofDays(8)));
		SearchIndexer second = readyIndexer(aWeekLater);

		assertThat(ids(second, "budget")).containsExactlyInAnyOrder("a", "b");
		assertThat(this.articles.fullReads).hasValue(2);
	}

	@Test
	void rebuildsAnIndexWrittenByAnotherSchemaVersion() throws IOException {
		try (IndexWriter writer = new IndexWriter(FSDirectory.open(this.dir),
				new IndexWriterConfig(SearchSchema.analyzer()))) {
			writer.addDocument(new Document());
			writer.setLiveCommitData(
					Map.of(SearchIndex.STREAM_ID, "0-0", SearchIndex.SCHEMA, "an older version").entrySet());
			writer.commit();
		}
		this.articles.put(article("a", "Budget day", "x"));

		SearchIndexer indexer = readyIndexer(InstantSource.system());

		assertThat(ids(indexer, "budget")).containsExactly("a");
		assertThat(this.articles.fullReads).hasValue(1);
	}

	@Test
	void aSecondInstanceOnTheSameDirectoryStaysOffWithoutFailing() {
		this.articles.put(article("a", "Budget day", "x"));
		SearchIndexer first = readyIndexer(InstantSource.system());

		SearchIndexer second = indexer(InstantSource.system());
		await().atMost(Duration.ofSeconds(15)).until(second::off);

		assertThat(second.ready()).isFalse();
		assertThat(ids(second, "budget")).isEmpty();
		assertThat(ids(first, "budget")).containsExactly("a");
	}

	@Test
	void triesAgainWhenTheArticleStoreFailsDuringARebuild() {
		this.articles.put(article("a", "Budget day", "x"));
		AtomicBoolean failed = new AtomicBoolean();
		Articles flaky = new Articles() {

			@Override
			public void forEachArticle(Consumer<SearchDocument> consumer) {
				if (failed.compareAndSet(false, true)) {
					throw new RedisConnectionFailureException("store unreachable");
				}
				SearchIndexerTest.this.articles.forEachArticle(consumer);
			}

		};
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("test-search-");
		executor.setVirtualThreads(true);
		SearchIndexer indexer = new SearchIndexer(SearchProperties.defaults(this.dir), this.redis, this.connections,
				flaky, SearchSchema.analyzer(), InstantSource.system(), executor);
		this.started.add(indexer);

		indexer.start();

		await().atMost(PATIENCE).until(indexer::ready);
		assertThat(failed).isTrue();
		assertThat(ids(indexer, "budget")).containsExactly("a");
	}

	/**
	 * While a Redis master fails over, reading a stored article times out; the feed
	 * entry is indexed once Redis answers again instead of being skipped (the
	 * stream's position has moved past it).
	 */
	@Test
	void anArticleThatCannotBeReadDuringAFailoverIsIndexedOnceRedisAnswers() {
		AtomicInteger failures = new AtomicInteger();
		Articles failingOver = new Articles() {

			@Override
			public Optional<SearchDocument> find(String articleId) {
				if (failures.getAndIncrement() < 2) {
					throw new QueryTimeoutException("Redis command timed out");
				}
				return SearchIndexerTest.this.articles.find(articleId);
			}

		};
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("test-search-");
		executor.setVirtualThreads(true);
		SearchIndexer indexer = new SearchIndexer(SearchProperties.defaults(this.dir), this.redis, this.connections,
				failingOver, SearchSchema.analyzer(), InstantSource.system(), executor);
		this.started.add(indexer);
		indexer.start();
		await().atMost(PATIENCE).until(indexer::ready);

		this.articles.put(article("a", "Ferry strike called", "x"));
		this.feed.articleStored("a");

		await().atMost(PATIENCE).until(() -> ids(indexer, "ferry").equals(List.of("a")));
		assertThat(failures).hasValueGreaterThan(2);
	}

	@Test
	void aDisabledIndexerOpensNothing() {
		SearchIndexer indexer = new SearchIndexer(
				new SearchProperties(false, this.dir.resolve("off"), Duration.ofDays(7), Duration.ZERO, Duration.ZERO,
						Duration.ofHours(48), 1, 1000),
				this.redis, this.connections, this.articles, SearchSchema.analyzer(), InstantSource.system(),
				Runnable::run);

		indexer.start();

		assertThat(indexer.isRunning()).isFalse();
		assertThat(this.dir.resolve("off")).doesNotExist();
	}

	@Test
	void stopReturnsOnlyOnceTheFeedsBlockingReadHasEnded() {
		SearchIndexer indexer = readyIndexer(InstantSource.system());
		// Following an idle feed: the follower sits in a blocking read most of the
		// time.
		await().atMost(PATIENCE).until(() -> blockedFeedReads() > 0);
		indexer.stop();
		// Nothing of the stopped follower still reads Redis, so closing the
		// connections next cuts no read short.
		assertThat(blockedFeedReads()).isZero();
	}

	/** Connections of this test's database blocked in XREAD (CLIENT LIST). */
	private long blockedFeedReads() {
		long database = ((LettuceConnectionFactory) this.connections).getDatabase();
		List<RedisClientInfo> clients = this.redis.execute(
				(RedisCallback<List<RedisClientInfo>>) connection -> connection.serverCommands().getClientList());
		return clients.stream()
				.filter((client) -> client.getDatabaseId() != null && client.getDatabaseId() == database
						&& "xread".equalsIgnoreCase(client.getLastCommand()) && client.getFlags() != null
						&& client.getFlags().contains("b"))
				.count();
	}

}
