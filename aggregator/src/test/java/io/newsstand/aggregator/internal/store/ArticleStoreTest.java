package io.newsstand.aggregator.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstand.aggregator.ArticlePage;
import io.newsstand.aggregator.ArticleQuery;
import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.aggregator.InvalidCursorException;
import io.newsstand.aggregator.internal.parse.ArticleNormalizer;
import io.newsstand.aggregator.internal.parse.FeedContext;
import io.newsstand.aggregator.internal.parse.HtmlSanitizer;
import io.newsstand.aggregator.internal.parse.NormalizedArticle;
import io.newsstand.aggregator.internal.parse.ParsedFeed;
import io.newsstand.aggregator.internal.parse.ParsedItem;
import io.newsstand.testing.RedisExtension;
import io.newsstand.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(RedisExtension.class)
class ArticleStoreTest {

	private static final Instant START = Instant.parse("2025-06-04T12:00:00Z");

	private final StringRedisTemplate redis;

	private final SettableClock clock = new SettableClock(START);

	private final ArticleNormalizer normalizer = new ArticleNormalizer(new HtmlSanitizer());

	private ArticleStore store;

	private ArticleReads reads;

	ArticleStoreTest(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@BeforeEach
	void empty() {
		this.redis.execute((RedisCallback<Object>) connection -> {
			connection.serverCommands().flushDb();
			return null;
		});
		this.store = new ArticleStore(this.redis, JsonMapper.builder().build(), Duration.ofDays(30), this.clock);
		this.reads = new ArticleReads(this.redis, JsonMapper.builder().build());
	}

	static ParsedItem item(String guid, String url, String title, Instant published) {
		return new ParsedItem(guid, url, title, "A. Writer", published, null, "<p>Summary of " + title + "</p>",
				"<p>Body of " + title + "</p>", List.of(), List.of(), null);
	}

	private List<NormalizedArticle> normalize(String publisher, String section, String region, ParsedItem... items) {
		return this.normalizer.normalize(new ParsedFeed("rss_2.0", "t", null, null, null, List.of(items)),
				new FeedContext(publisher, publisher.toUpperCase(), region, "en", false, section,
						"https://" + publisher + ".example/feed", this.clock.instant()));
	}

	@Test
	void aSavedArticleIsReadableAndListedInEveryIndex() {
		List<NormalizedArticle> articles = normalize("alpha", "World", "UK",
				item("g1", "https://alpha.example/1", "One", START.minusSeconds(60)));
		assertThat(this.store.save(articles)).isEqualTo(new StoreResult(1, 0, 0, 0));
		String id = articles.get(0).article().id();
		assertThat(this.reads.find(id)).hasValueSatisfying(article -> {
			assertThat(article.title()).isEqualTo("One");
			assertThat(article.body()).isEqualTo("<p>Body of One</p>");
		});
		for (ArticleQuery query : List.of(ArticleQuery.latest(), new ArticleQuery("alpha", null, null, null, 10),
				new ArticleQuery(null, "world", null, null, 10), new ArticleQuery(null, null, "uk", null, 10))) {
			assertThat(this.reads.latest(query).items()).extracting(ArticleSummary::id).containsExactly(id);
		}
		assertThat(this.reads.latest(new ArticleQuery("beta", null, null, null, 10)).items()).isEmpty();
	}

	@Test
	void anUnchangedArticleIsNotRewritten() {
		ParsedItem item = item("g1", "https://alpha.example/1", "One", START);
		this.store.save(normalize("alpha", "World", "UK", item));
		assertThat(this.store.save(normalize("alpha", "World", "UK", item))).isEqualTo(new StoreResult(0, 0, 1, 0));
	}

	@Test
	void aChangedTitleUpdatesTheArticleInPlace() {
		this.store.save(normalize("alpha", "World", "UK", item("g1", "https://alpha.example/1", "Old", START)));
		StoreResult result = this.store
				.save(normalize("alpha", "World", "UK", item("g1", "https://alpha.example/1", "New", START)));
		assertThat(result).isEqualTo(new StoreResult(0, 1, 0, 0));
		ArticlePage page = this.reads.latest(ArticleQuery.latest());
		assertThat(page.items()).extracting(ArticleSummary::title).containsExactly("New");
	}

	@Test
	void theSameCanonicalUrlFromTwoFeedsOfOnePublisherIsOneArticle() {
		this.store.save(normalize("alpha", "World", "UK",
				item("world-guid", "https://alpha.example/story?utm_source=world", "Story", START)));
		StoreResult second = this.store.save(normalize("alpha", "Business", "UK",
				item("business-guid", "https://alpha.example/story?utm_source=business", "Story", START)));
		assertThat(second.added()).isZero();
		assertThat(this.reads.latest(ArticleQuery.latest()).items()).hasSize(1);
	}

	@Test
	void oneSaveOfSeveralFeedsMergesOnlyOnePublishersCopies() {
		// The poller stores a group of changed feeds in one save.
		List<NormalizedArticle> group = new ArrayList<>();
		group.addAll(normalize("alpha", "World", "UK", item("a-1", "https://wire.example/story", "Story", START)));
		group.addAll(normalize("alpha", "Business", "UK", item("a-2", "https://wire.example/story", "Story", START)));
		group.addAll(normalize("beta", "World", "US", item("b-1", "https://wire.example/story", "Story", START)));
		StoreResult stored = this.store.save(group);
		assertThat(stored.added()).isEqualTo(2);
		assertThat(this.reads.latest(ArticleQuery.latest()).items()).extracting(ArticleSummary::publisherId)
				.containsExactlyInAnyOrder("alpha", "beta");
	}

	@Test
	void anItemThatLeavesTheFeedStays() {
		ParsedItem a = item("a", "https://alpha.example/a", "A", START.minusSeconds(10));
		ParsedItem b = item("b", "https://alpha.example/b", "B", START);
		this.store.save(normalize("alpha", "World", "UK", a, b));
		this.store.save(normalize("alpha", "World", "UK", b));
		assertThat(this.reads.latest(ArticleQuery.latest()).items()).extracting(ArticleSummary::title)
				.containsExactly("B", "A");
	}

	@Test
	void anItemRemovedByRetentionDoesNotComeBack() {
		List<NormalizedArticle> undated = this.normalizer.normalize(
				new ParsedFeed("rss_2.0", "t", null, null, null,
						List.of(new ParsedItem("u1", "https://alpha.example/u", "Undated", null, null, null, null,
								"<p>x</p>", List.of(), List.of(), null))),
				new FeedContext("alpha", "ALPHA", "UK", "en", false, "World", "https://alpha.example/feed", START));
		this.store.save(undated);
		String id = undated.get(0).article().id();
		this.clock.advance(Duration.ofDays(31));
		assertThat(this.store.cleanup(List.of(RedisKeys.byPublisher("alpha")))).isEqualTo(1);
		assertThat(this.reads.find(id)).isEmpty();
		assertThat(this.redis.opsForZSet().size(RedisKeys.byPublisher("alpha"))).isZero();
		// The feed still carries the undated item; normalised now it would look brand
		// new.
		List<NormalizedArticle> again = this.normalizer.normalize(
				new ParsedFeed("rss_2.0", "t", null, null, null,
						List.of(new ParsedItem("u1", "https://alpha.example/u", "Undated", null, null, null, null,
								"<p>x</p>", List.of(), List.of(), null))),
				new FeedContext("alpha", "ALPHA", "UK", "en", false, "World", "https://alpha.example/feed",
						this.clock.instant()));
		assertThat(this.store.save(again)).isEqualTo(new StoreResult(0, 0, 0, 1));
		assertThat(this.reads.find(id)).isEmpty();
	}

	@Test
	void itemsOlderThanTheRetentionWindowAreNotStored() {
		StoreResult result = this.store.save(normalize("alpha", "World", "UK",
				item("old", "https://alpha.example/old", "Old", START.minus(Duration.ofDays(40)))));
		assertThat(result).isEqualTo(new StoreResult(0, 0, 0, 1));
	}

	@Test
	void anUndatedItemKeepsItsFirstSeenTimeWhenUpdated() {
		ParsedItem first = new ParsedItem("u1", "https://alpha.example/u", "Undated", null, null, null, null,
				"<p>x</p>", List.of(), List.of(), null);
		this.store.save(normalize("alpha", "World", "UK", first));
		this.clock.advance(Duration.ofHours(2));
		ParsedItem edited = new ParsedItem("u1", "https://alpha.example/u", "Undated, edited", null, null, null, null,
				"<p>x</p>", List.of(), List.of(), null);
		List<NormalizedArticle> articles = normalize("alpha", "World", "UK", edited);
		this.store.save(articles);
		assertThat(this.reads.find(articles.get(0).article().id()))
				.hasValueSatisfying(article -> assertThat(article.publishedAt()).isEqualTo(START));
	}

	@Test
	void pagesFollowTheCursorNewestFirstWithoutGapsOrRepeats() {
		List<ParsedItem> items = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			// Pairs share a timestamp, so the cursor must break ties.
			items.add(item("g" + i, "https://alpha.example/" + i, "T" + i, START.minusSeconds(i / 2 * 60L)));
		}
		this.store.save(normalize("alpha", "World", "UK", items.toArray(ParsedItem[]::new)));
		List<String> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			ArticlePage page = this.reads.latest(new ArticleQuery(null, null, null, cursor, 10));
			page.items().forEach(summary -> seen.add(summary.id()));
			cursor = page.nextCursor();
			pages++;
		} while (cursor != null && pages < 10);
		assertThat(seen).hasSize(25).doesNotHaveDuplicates();
		assertThat(pages).isEqualTo(3);
		List<Instant> times = new ArrayList<>();
		for (String id : seen) {
			times.add(this.reads.find(id).orElseThrow().publishedAt());
		}
		assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
	}

	@Test
	void filtersCombine() {
		this.store.save(normalize("alpha", "World", "UK", item("a1", "https://alpha.example/1", "A1", START)));
		this.store.save(normalize("alpha", "Sport", "UK", item("a2", "https://alpha.example/2", "A2", START)));
		this.store.save(normalize("beta", "World", "AU", item("b1", "https://beta.example/1", "B1", START)));
		assertThat(this.reads.latest(new ArticleQuery("alpha", "World", null, null, 10)).items())
				.extracting(ArticleSummary::title).containsExactly("A1");
		assertThat(this.reads.latest(new ArticleQuery(null, "World", "AU", null, 10)).items())
				.extracting(ArticleSummary::title).containsExactly("B1");
	}

	private static ParsedItem topical(String guid, Instant published, String... categories) {
		return new ParsedItem(guid, "https://alpha.example/" + guid, "Title " + guid, null, published, null, "<p>x</p>",
				null, List.of(), List.of(categories), null);
	}

	@Test
	void aTopicIndexListsTheArticlesOfOneCategoryNewestFirstPageByPage() {
		List<ParsedItem> items = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			items.add(topical("c" + i, START.minusSeconds(i * 60L), "Climate", "Science"));
		}
		items.add(topical("other", START, "Sport"));
		this.store.save(normalize("alpha", "World", "UK", items.toArray(ParsedItem[]::new)));
		List<String> titles = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			ArticlePage page = this.reads.latest(new ArticleQuery(null, null, null, "climate", cursor, 10));
			page.items().forEach(summary -> titles.add(summary.title()));
			cursor = page.nextCursor();
			pages++;
		} while (cursor != null && pages < 10);
		assertThat(pages).isEqualTo(3);
		assertThat(titles).hasSize(25).doesNotHaveDuplicates().startsWith("Title c0", "Title c1").endsWith("Title c24")
				.doesNotContain("Title other");
		assertThat(this.redis.opsForZSet().size(RedisKeys.byTopic("science"))).isEqualTo(25);
		assertThat(this.redis.getExpire(RedisKeys.byTopic("climate"))).isPositive();
		assertThat(this.redis.opsForZSet().range(RedisKeys.TOPICS, 0, -1)).containsExactlyInAnyOrder("climate",
				"science", "sport");
	}

	@Test
	void categoriesInOneNormalFormAreOneTopic() {
		this.store.save(normalize("alpha", "World", "UK", topical("a", START.minusSeconds(120), "  Climate  Change "),
				topical("b", START.minusSeconds(60), "climate change"),
				topical("c", START, "CLIMATE\u00a0CHANGE", "Climate change")));
		assertThat(this.reads.latest(new ArticleQuery(null, null, null, "Climate Change", null, 10)).items())
				.extracting(ArticleSummary::title).containsExactly("Title c", "Title b", "Title a");
		assertThat(this.redis.opsForZSet().range(RedisKeys.TOPICS, 0, -1)).containsExactly("climate change");
		assertThat(this.reads.latest(new ArticleQuery(null, null, null, "\u0007", null, 10)).items()).isEmpty();
	}

	@Test
	void aTopicFilterCombinesWithTheOthers() {
		this.store.save(normalize("alpha", "World", "UK", topical("a1", START, "Climate")));
		this.store.save(normalize("beta", "World", "AU", item("b0", "https://beta.example/0", "B0", START),
				topical("b1", START.minusSeconds(60), "Climate")));
		assertThat(this.reads.latest(new ArticleQuery("beta", null, null, "climate", null, 10)).items())
				.extracting(ArticleSummary::title).containsExactly("Title b1");
		assertThat(this.reads.latest(new ArticleQuery(null, null, "UK", "climate", null, 10)).items())
				.extracting(ArticleSummary::title).containsExactly("Title a1");
	}

	@Test
	void retentionTrimsTopicIndexesAndUnregistersTheEmptyOnes() {
		this.store.save(
				normalize("alpha", "World", "UK", topical("old", START.minus(Duration.ofDays(29)), "Fading", "Lasting"),
						topical("new", START, "Lasting")));
		this.clock.advance(Duration.ofDays(2));
		assertThat(this.store.cleanup(List.of())).isEqualTo(1);
		assertThat(this.redis.hasKey(RedisKeys.byTopic("fading"))).isFalse();
		assertThat(this.reads.latest(new ArticleQuery(null, null, null, "lasting", null, 10)).items())
				.extracting(ArticleSummary::title).containsExactly("Title new");
		assertThat(this.redis.opsForZSet().size(RedisKeys.byTopic("lasting"))).isEqualTo(1);
		assertThat(this.redis.opsForZSet().range(RedisKeys.TOPICS, 0, -1)).containsExactly("lasting");
	}

	@Test
	void aForgedCursorIsRefused() {
		assertThatThrownBy(() -> this.reads.latest(new ArticleQuery(null, null, null, "bm9wZQ", 10)))
				.isInstanceOf(InvalidCursorException.class);
	}

}
