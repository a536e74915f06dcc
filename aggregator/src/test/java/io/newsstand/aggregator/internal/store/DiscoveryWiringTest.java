package io.newsstand.aggregator.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsstand.aggregator.ArticleSearch;
import io.newsstand.aggregator.ClusterAssignment;
import io.newsstand.aggregator.PublicTeaser;
import io.newsstand.aggregator.SearchHit;
import io.newsstand.aggregator.SearchQuery;
import io.newsstand.aggregator.SearchResults;
import io.newsstand.aggregator.StoryArticle;
import io.newsstand.aggregator.StoryClusters;
import io.newsstand.aggregator.StoryMember;
import io.newsstand.aggregator.internal.AggregatorTestAccess;
import io.newsstand.aggregator.internal.parse.ArticleNormalizer;
import io.newsstand.aggregator.internal.parse.FeedContext;
import io.newsstand.aggregator.internal.parse.HtmlSanitizer;
import io.newsstand.aggregator.internal.parse.NormalizedArticle;
import io.newsstand.aggregator.internal.parse.ParsedFeed;
import io.newsstand.aggregator.internal.parse.ParsedItem;
import io.newsstand.aggregator.internal.search.RedisSearchFeed;
import io.newsstand.testing.RedisExtension;
import io.newsstand.testing.SettableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The article store feeding story clusters and search as the app wires them: a
 * real Redis, the real Lucene index in a temporary directory.
 */
@ExtendWith(RedisExtension.class)
class DiscoveryWiringTest {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final String SECRET = "zephyrine";

	/**
	 * The test paywall's rule: a reader without access sees the first paragraph.
	 */
	private static final PublicTeaser FIRST_PARAGRAPH = body -> {
		var first = Jsoup.parseBodyFragment(body).selectFirst("p");
		return first == null ? "" : first.text();
	};

	@TempDir
	Path dir;

	private final StringRedisTemplate redis;

	private final RedisConnectionFactory connections;

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	private final ArticleNormalizer normalizer = new ArticleNormalizer(new HtmlSanitizer());

	DiscoveryWiringTest(StringRedisTemplate redis, RedisConnectionFactory connections) {
		this.redis = redis;
		this.connections = connections;
	}

	@BeforeEach
	void emptyRedis() {
		this.redis.execute((RedisCallback<Object>) connection -> {
			connection.serverCommands().flushDb();
			return null;
		});
	}

	private ApplicationContextRunner app() {
		return new ApplicationContextRunner().withBean(StringRedisTemplate.class, () -> this.redis)
				.withBean(RedisConnectionFactory.class, this::undestroyable)
				.withBean(PublicTeaser.class, () -> FIRST_PARAGRAPH)
				.withUserConfiguration(AggregatorTestAccess.configuration())
				.withPropertyValues("newsstand.search.index-dir=" + this.dir.resolve("index"),
						"newsstand.search.commit-interval=0s", "newsstand.search.refresh-interval=0s",
						"newsstand.aggregator.polling-enabled=false");
	}

	/** The test's factory, which closing the app must not destroy. */
	private RedisConnectionFactory undestroyable() {
		return (RedisConnectionFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[]{RedisConnectionFactory.class}, (proxy, method, args) -> {
					try {
						return method.invoke(this.connections, args);
					} catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private List<NormalizedArticle> feed(String publisher, String guid, String title, String summary,
			Instant published) {
		ParsedItem item = new ParsedItem(guid, "https://" + publisher + ".example/" + guid, title, "A. Writer",
				published, null, "<p>" + summary + "</p>",
				"<p>The opening paragraph about the ferry terminal.</p><p>Later the board mentioned " + SECRET
						+ " in passing.</p>",
				List.of(), List.of(), null);
		return this.normalizer.normalize(new ParsedFeed("rss_2.0", "t", null, null, null, List.of(item)),
				new FeedContext(publisher, publisher.toUpperCase(), "UK", "en", false, "Business",
						"https://" + publisher + ".example/feed", this.now));
	}

	private List<NormalizedArticle> alpha() {
		return alpha("Harbour authority approves Kestrel Bay ferry terminal expansion");
	}

	private List<NormalizedArticle> alpha(String title) {
		return feed("alpha", "a1", title,
				"The Kestrel Bay harbour authority approved a 42 million pound expansion of the ferry terminal on "
						+ "Tuesday, ending a two-year dispute with residents.",
				this.now.minus(Duration.ofHours(2)));
	}

	private List<NormalizedArticle> beta() {
		return feed("beta", "b1", "Kestrel Bay ferry terminal expansion approved by harbour authority",
				"Harbour officials in Kestrel Bay approved the 42 million pound ferry terminal expansion, ending two "
						+ "years of dispute with residents.",
				this.now.minus(Duration.ofHours(1)));
	}

	private List<MapRecord<String, Object, Object>> feedEntries() {
		return this.redis.opsForStream().range("newsstand:search:feed", Range.unbounded());
	}

	private static SearchResults awaitHits(ArticleSearch search, SearchQuery query, int count) {
		return await().atMost(PATIENCE).until(() -> search.search(query),
				results -> results.indexReady() && results.hits().size() == count);
	}

	@Test
	void storedArticlesOfOneStoryShareAClusterAndAreFoundBySearch() {
		app().run(context -> {
			ArticleStore store = context.getBean(ArticleStore.class);
			String a = alpha().get(0).article().id();
			String b = beta().get(0).article().id();
			assertThat(store.save(alpha())).isEqualTo(new StoreResult(1, 0, 0, 0));
			assertThat(store.save(beta())).isEqualTo(new StoreResult(1, 0, 0, 0));

			StoryClusters clusters = context.getBean(StoryClusters.class);
			// Clusters are assigned off the poller's path, right after the write.
			await().atMost(PATIENCE).until(() -> !clusters.cluster(a).isEmpty());
			assertThat(clusters.cluster(a)).extracting(StoryMember::articleId).containsExactly(b);
			assertThat(clusters.cluster(b)).extracting(StoryMember::articleId).containsExactly(a);
			assertThat(feedEntries()).extracting(entry -> entry.getValue().get("id") + " " + entry.getValue().get("op"))
					.containsExactly(a + " upsert", b + " upsert");

			ArticleSearch search = context.getBean(ArticleSearch.class);
			SearchResults results = awaitHits(search, SearchQuery.of("ferry terminal"), 2);
			assertThat(results.hits()).extracting(SearchHit::articleId).containsExactlyInAnyOrder(a, b);
		});
	}

	@Test
	void aSnippetForAReaderWithoutAccessNeverShowsBodyTextBeyondThePaywallsTeaser() {
		app().run(context -> {
			context.getBean(ArticleStore.class).save(alpha());
			ArticleSearch search = context.getBean(ArticleSearch.class);
			SearchHit member = awaitHits(search, SearchQuery.of(SECRET).withBodyVisible(true), 1).hits().get(0);
			assertThat(member.snippetHtml()).contains("<mark>" + SECRET + "</mark>");

			// A reader without access neither finds the article by a word of its paid part
			// nor sees that part in a snippet.
			assertThat(search.search(SearchQuery.of(SECRET)).hits()).isEmpty();
			SearchHit opening = awaitHits(search, SearchQuery.of("opening paragraph"), 1).hits().get(0);
			assertThat(opening.snippetSource()).isEqualTo(SearchHit.SnippetSource.TEASER);
			assertThat(opening.snippetHtml()).contains("<mark>opening</mark>").doesNotContain(SECRET)
					.doesNotContain("Later the board");
		});
	}

	@Test
	void anUpdatedArticleIsReindexedAndRetentionRemovesItFromClustersAndSearch() {
		app().run(context -> {
			StoryClusters clusters = context.getBean(StoryClusters.class);
			RedisSearchFeed searchFeed = context.getBean(RedisSearchFeed.class);
			SettableClock clock = new SettableClock(this.now);
			ArticleStore store = new ArticleStore(this.redis, JsonMapper.builder().build(), Duration.ofDays(30), clock,
					new DiscoveryEvents(clusters, searchFeed, Runnable::run, new SimpleMeterRegistry()));
			String a = alpha().get(0).article().id();
			String b = beta().get(0).article().id();
			store.save(alpha());
			store.save(beta());
			List<NormalizedArticle> updated = alpha("Harbour authority approves Kestrel Bay ferry terminal plan");
			assertThat(updated.get(0).article().id()).isEqualTo(a);
			assertThat(store.save(updated)).isEqualTo(new StoreResult(0, 1, 0, 0));
			ArticleSearch search = context.getBean(ArticleSearch.class);
			awaitHits(search, SearchQuery.of("terminal plan"), 1);

			clock.advance(Duration.ofDays(31));
			assertThat(store.cleanup(Set.of())).isEqualTo(2);
			assertThat(clusters.cluster(a)).isEmpty();
			assertThat(clusters.cluster(b)).isEmpty();
			assertThat(feedEntries()).extracting(entry -> entry.getValue().get("op")).containsExactly("upsert",
					"upsert", "upsert", "delete", "delete");
			awaitHits(search, SearchQuery.of("ferry terminal"), 0);
		});
	}

	@Test
	void aFailingClusterStoreLosesNoArticleAndStillFeedsSearch() {
		app().run(context -> {
			StoryClusters broken = new StoryClusters() {

				@Override
				public ClusterAssignment assign(StoryArticle article) {
					throw new IllegalStateException("clusters down");
				}

				@Override
				public List<StoryMember> cluster(String articleId) {
					return List.of();
				}

				@Override
				public void remove(String articleId) {
					throw new IllegalStateException("clusters down");
				}

				@Override
				public List<String> unassigned(List<String> articleIds) {
					throw new IllegalStateException("clusters down");
				}

			};
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			ArticleStore store = new ArticleStore(this.redis, JsonMapper.builder().build(), Duration.ofDays(30),
					new SettableClock(this.now),
					new DiscoveryEvents(broken, context.getBean(RedisSearchFeed.class), Runnable::run, registry));
			String a = alpha().get(0).article().id();
			assertThat(store.save(alpha())).isEqualTo(new StoreResult(1, 0, 0, 0));
			assertThat(new ArticleReads(this.redis, JsonMapper.builder().build()).find(a)).isPresent();
			assertThat(feedEntries()).hasSize(1);
			assertThat(registry.counter("newsstand.discovery.failures", "operation", "cluster-assign").count())
					.isEqualTo(1);
		});
	}

	@Test
	void clusterAssignmentsLostWithTheirQueueAreMadeUpByTheCatchUp() {
		app().run(context -> {
			StoryClusters clusters = context.getBean(StoryClusters.class);
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			SettableClock clock = new SettableClock(this.now);
			// A node stopping (or a full queue) refuses the assignments: the articles are
			// stored, their clusters are not.
			ArticleStore store = new ArticleStore(this.redis, JsonMapper.builder().build(), Duration.ofDays(30), clock,
					new DiscoveryEvents(clusters, context.getBean(RedisSearchFeed.class), task -> {
						throw new RejectedExecutionException("node stopping");
					}, registry));
			String a = alpha().get(0).article().id();
			String b = beta().get(0).article().id();
			store.save(alpha());
			store.save(beta());
			assertThat(clusters.unassigned(List.of(a, b))).containsExactly(a, b);
			assertThat(registry.counter("newsstand.discovery.failures", "operation", "cluster-assign").count())
					.isEqualTo(2);

			ArticleReads reads = new ArticleReads(this.redis, JsonMapper.builder().build());
			ClusterCatchUp catchUp = new ClusterCatchUp(reads, clusters, clock, Duration.ofHours(6), 100, registry);
			assertThat(catchUp.run()).isEqualTo(2);
			assertThat(clusters.cluster(a)).extracting(StoryMember::articleId).containsExactly(b);
			assertThat(clusters.unassigned(List.of(a, b))).isEmpty();
			assertThat(registry.counter("newsstand.discovery.catch-up").count()).isEqualTo(2);
			// Nothing left to do; and articles older than the look-back are not looked at.
			assertThat(catchUp.run()).isZero();
			clusters.remove(a);
			assertThat(new ClusterCatchUp(reads, clusters, clock, Duration.ofMinutes(90), 100, registry).run())
					.isZero();
			assertThat(catchUp.run()).isEqualTo(1);
		});
	}

	@Test
	void aFailingSearchFeedLosesNoArticleAndStillAssignsItsCluster() {
		app().run(context -> {
			// A key of the wrong type makes every XADD fail.
			this.redis.opsForValue().set("newsstand:search:feed", "not a stream");
			ArticleStore store = context.getBean(ArticleStore.class);
			String a = alpha().get(0).article().id();
			String b = beta().get(0).article().id();
			assertThat(store.save(alpha())).isEqualTo(new StoreResult(1, 0, 0, 0));
			assertThat(store.save(beta())).isEqualTo(new StoreResult(1, 0, 0, 0));
			ArticleReads articles = context.getBean(ArticleReads.class);
			assertThat(articles.find(a)).isPresent();
			assertThat(articles.find(b)).isPresent();
			StoryClusters clusters = context.getBean(StoryClusters.class);
			await().atMost(PATIENCE).until(() -> !clusters.cluster(b).isEmpty());
			assertThat(clusters.cluster(b)).extracting(StoryMember::articleId).containsExactly(a);
		});
	}

	@Test
	void aRebuildIndexesEveryStoredArticleWithThePaywallsTeaser() {
		ArticleStore store = new ArticleStore(this.redis, JsonMapper.builder().build(), Duration.ofDays(30),
				new SettableClock(this.now));
		store.save(alpha());
		store.save(beta());
		// No feed entries: only a rebuild from the store can find them.
		assertThat(this.redis.hasKey("newsstand:search:feed")).isFalse();
		app().run(context -> {
			ArticleSearch search = context.getBean(ArticleSearch.class);
			awaitHits(search, SearchQuery.of("ferry terminal"), 2);
			SearchHit hit = awaitHits(search, SearchQuery.of("opening"), 2).hits().get(0);
			assertThat(hit.snippetSource()).isEqualTo(SearchHit.SnippetSource.TEASER);
			assertThat(awaitHits(search, SearchQuery.of(SECRET).withBodyVisible(true), 2).hits())
					.allSatisfy(member -> assertThat(member.snippetHtml()).contains(SECRET));
			assertThat(search.search(SearchQuery.of(SECRET)).hits()).isEmpty();
		});
	}

}
