package io.newsstand.aggregator.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.ArticleSearchSource;
import io.newsstand.aggregator.SearchDocument;
import io.newsstand.aggregator.SearchQuery;
import io.newsstand.aggregator.internal.SyntheticNews;
import io.newsstand.aggregator.internal.parse.NormalizedArticle;
import io.newsstand.aggregator.internal.store.ArticleReads;
import io.newsstand.aggregator.internal.store.ArticleStore;
import io.newsstand.testing.RedisTestCluster;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a new node pays to join on a Redis Cluster holding 100,000 articles: its
 * search index built from the article store (every article read back from the
 * Cluster and indexed, as {@link SearchIndexer#rebuild} does at start), the
 * index's size on disk, and the query latency at that size (p50/p99 of two-word
 * searches through the whole search path, wall clock and CPU time). The figures
 * for the switch to a search cluster in docs/scale-out.md. Not part of
 * {@code mvn verify}:
 * {@code mvn -Pbenchmarks -pl aggregator -am test -Dtest=SearchCatchUpBenchmarkTest}.
 */
@Tag("benchmark")
class SearchCatchUpBenchmarkTest {

	private static final int ARTICLES = Integer.getInteger("newsstand.bench.articles", 100_000);

	private static final int SEARCHES = 2_000;

	private static final Instant NOW = Instant.parse("2026-03-06T12:00:00Z");

	private static final SyntheticNews NEWS = new SyntheticNews(50_000);

	@Test
	void aNewNodeBuildsItsIndexFromTheClusterStore() throws Exception {
		Path dir = Files.createTempDirectory("search-catch-up");
		try (RedisTestCluster cluster = RedisTestCluster.start()) {
			LettuceConnectionFactory factory = factory(cluster);
			StringRedisTemplate redis = new StringRedisTemplate(factory);
			JsonMapper json = JsonMapper.builder().build();
			ArticleStore store = new ArticleStore(redis, json, Duration.ofDays(365), InstantSource.fixed(NOW));
			long t0 = System.nanoTime();
			SplittableRandom random = new SplittableRandom(3);
			List<NormalizedArticle> batch = new ArrayList<>();
			for (int i = 0; i < ARTICLES; i++) {
				batch.add(article(i, random));
				if (batch.size() == 500) {
					store.save(batch);
					batch.clear();
				}
			}
			store.save(batch);
			double storeSeconds = (System.nanoTime() - t0) / 1e9;

			SearchProperties properties = SearchProperties.defaults(dir);
			ArticleReads reads = new ArticleReads(redis, json);
			SearchIndexer indexer = new SearchIndexer(properties, redis, factory, source(reads),
					SearchSchema.analyzer(), InstantSource.fixed(NOW), Executors.newVirtualThreadPerTaskExecutor());
			// A new node: no index yet, so it builds one from the store, then follows the
			// stream.
			long t1 = System.nanoTime();
			indexer.start();
			await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(100)).until(indexer::ready);
			double rebuildSeconds = (System.nanoTime() - t1) / 1e9;
			try {
				SearchIndex index = Objects.requireNonNull(indexer.index());
				assertThat(index.documents()).isEqualTo(ARTICLES);
				double[][] latency = searches(index, properties);
				System.out.printf(Locale.ROOT,
						"%nSearch catch-up of a new node on a 3+3 Redis Cluster, %,d articles: stored in %.1f s "
								+ "(%,.0f articles/s); index built from the store in %.1f s (%,.0f articles/s); "
								+ "index %,d MB on disk; two-word search (%,d) wall p50 %.2f ms, p99 %.2f ms; "
								+ "CPU p50 %.2f ms, p99 %.2f ms; load average %s%n",
						ARTICLES, storeSeconds, ARTICLES / storeSeconds, rebuildSeconds, ARTICLES / rebuildSeconds,
						size(dir) / 1_000_000, SEARCHES, percentile(latency[0], 50), percentile(latency[0], 99),
						percentile(latency[1], 50), percentile(latency[1], 99), loadAverage());
			} finally {
				indexer.stop();
			}
			factory.destroy();
		} finally {
			try (Stream<Path> files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	/** Wall and CPU milliseconds of each two-word search, after a warm-up. */
	private static double[][] searches(SearchIndex index, SearchProperties properties) {
		LuceneArticleSearch search = new LuceneArticleSearch(() -> index, () -> true, SearchSchema.analyzer(),
				properties, InstantSource.fixed(NOW));
		SplittableRandom random = new SplittableRandom(11);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		double[][] millis = new double[2][SEARCHES];
		for (int i = -SEARCHES; i < SEARCHES; i++) {
			String words = NEWS.searchWord(random) + " " + NEWS.searchWord(random);
			long wall = System.nanoTime();
			long cpu = threads.getCurrentThreadCpuTime();
			search.search(SearchQuery.of(words).withBodyVisible(random.nextBoolean()));
			if (i >= 0) {
				millis[0][i] = (System.nanoTime() - wall) / 1e6;
				millis[1][i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
			}
		}
		return millis;
	}

	/** The article store as the app's search source reads it. */
	private static ArticleSearchSource source(ArticleReads reads) {
		return new ArticleSearchSource() {

			@Override
			public void forEachArticle(Consumer<SearchDocument> consumer) {
				reads.forEachArticle(article -> consumer.accept(document(article)));
			}

			@Override
			public Optional<SearchDocument> find(String articleId) {
				return reads.find(articleId).map(SearchCatchUpBenchmarkTest::document);
			}
		};
	}

	private static SearchDocument document(Article article) {
		String body = article.body();
		return new SearchDocument(article.id(), article.publisherId(),
				Objects.requireNonNullElse(article.section(), ""), article.title(), article.summary(),
				Objects.requireNonNullElse(article.author(), ""), body.substring(0, Math.min(body.length(), 200)), body,
				article.publishedAt());
	}

	private static NormalizedArticle article(int i, SplittableRandom random) {
		String text = NEWS.text(random, 250);
		String body = "<p>" + text.replace(". ", ".</p><p>") + "</p>";
		String id = String.format(Locale.ROOT, "%024x", i);
		Instant published = NOW.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 30)));
		String url = "https://publisher-" + (i % 300) + ".example/" + id;
		Article article = new Article(id, NEWS.text(random, 9), url, "publisher-" + (i % 300), "Publisher " + (i % 300),
				new String[]{"World", "Business", "Sport", "Science", "Culture"}[random.nextInt(5)], "UK",
				NEWS.text(random, 2), published, published, NEWS.text(random, 25), body, null, List.of(), "en", 250, 2,
				false);
		return new NormalizedArticle(article, id, url, id, true);
	}

	private static LettuceConnectionFactory factory(RedisTestCluster cluster) {
		ClusterClientOptions options = ClusterClientOptions
				.builder().topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
						.enableAllAdaptiveRefreshTriggers().enablePeriodicRefresh(Duration.ofSeconds(5)).build())
				.build();
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisClusterConfiguration(List.of(cluster.nodesProperty().split(","))), LettuceClientConfiguration
						.builder().clientOptions(options).commandTimeout(Duration.ofSeconds(30)).build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	private static double percentile(double[] values, int p) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
	}

	private static long size(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
		}
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		} catch (IOException ex) {
			return "unknown";
		}
	}

}
