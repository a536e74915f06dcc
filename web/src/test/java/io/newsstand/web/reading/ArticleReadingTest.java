package io.newsstand.web.reading;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.ArticlePage;
import io.newsstand.aggregator.ArticleQuery;
import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.Publisher;
import io.newsstand.testing.RedisExtension;
import io.newsstand.testing.SettableClock;
import io.newsstand.web.articles.ArticleOpened;
import io.newsstand.web.paywall.Access;
import io.newsstand.web.paywall.Paywall;
import io.newsstand.web.paywall.Paywalls;
import io.newsstand.web.site.FakeArticles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The one read path of an article, on a real paywall and meter: what each
 * reader gets, what it spends, and what it announces.
 */
@ExtendWith(RedisExtension.class)
class ArticleReadingTest {

	private static final String PAID = "paid-1";

	private static final String SECRET = FakeArticles.secret(PAID);

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-30T12:00:00Z"));

	private final List<Object> events = new ArrayList<>();

	private final String member = UUID.randomUUID().toString();

	private final String metered = UUID.randomUUID().toString();

	private Paywall paywall;

	private ArticleReading reading;

	@BeforeEach
	void setUp(StringRedisTemplate redis) {
		this.paywall = Paywalls.of(redis, this.clock, Set.of(this.member), 1);
		this.reading = new ArticleReading(new FakeArticles(), this.paywall,
				new OpenedArticles(this.events::add, this.clock));
	}

	private static MockHttpServletRequest request(String method) {
		return new MockHttpServletRequest(method, "/articles/" + PAID);
	}

	@Test
	void anAnonymousReaderGetsTheTeaserAndNeverTheFullText() {
		ArticleReading.Read read = this.reading.open(PAID, null, request("GET")).orElseThrow();
		assertThat(read.access()).isEqualTo(new Access.Teaser(Access.TeaserReason.ANONYMOUS, -1));
		assertThat(read.body()).contains("Paragraph 1 of paid-1").doesNotContain(SECRET)
				.isEqualTo(this.paywall.teaser(read.article().body()));
		assertThat(this.events).singleElement().extracting((event) -> ((ArticleOpened) event).full()).isEqualTo(false);
	}

	@Test
	void aMemberGetsTheFullTextAndTheReadIsTheMembershipsRead() {
		ArticleReading.Read read = this.reading.open(PAID, this.member, request("GET")).orElseThrow();
		assertThat(read.access()).isEqualTo(new Access.Full(Access.FullReason.MEMBER, -1));
		assertThat(read.body()).isEqualTo(read.article().body()).contains(SECRET);
		assertThat(this.events).singleElement().isInstanceOfSatisfying(ArticleOpened.class,
				(opened) -> assertThat(opened.member()).isTrue());
	}

	@Test
	void aMeteredReaderSpendsTheMeterOnceAndThenGetsTeasers() {
		assertThat(this.reading.open(PAID, this.metered, request("GET")).orElseThrow().body()).contains(SECRET);
		ArticleReading.Read next = this.reading.open("paid-2", this.metered, request("GET")).orElseThrow();
		assertThat(next.access()).isEqualTo(new Access.Teaser(Access.TeaserReason.METER_EXHAUSTED, 0));
		assertThat(next.body()).doesNotContain(FakeArticles.secret("paid-2"));
	}

	@Test
	void aHeadPeeksWithoutSpendingTheMeterOrAnnouncingARead() {
		ArticleReading.Read read = this.reading.open(PAID, this.metered, request("HEAD")).orElseThrow();
		assertThat(read.access()).isEqualTo(new Access.Teaser(Access.TeaserReason.NOT_MEMBER, 1));
		assertThat(read.body()).doesNotContain(SECRET);
		assertThat(this.events).isEmpty();
		assertThat(this.paywall.freeArticlesLeft(this.metered)).isEqualTo(1);
	}

	@Test
	void anOfflineCopySpendsNothingAnnouncesNothingAndCarriesNoPaidTextForANonMember() {
		ArticleReading.Read copy = this.reading.offlineCopy(PAID, this.metered).orElseThrow();
		assertThat(copy.access().full()).isFalse();
		assertThat(copy.body()).doesNotContain(SECRET);
		assertThat(this.reading.offlineCopy(PAID, this.member).orElseThrow().body()).contains(SECRET);
		assertThat(this.events).isEmpty();
		assertThat(this.paywall.freeArticlesLeft(this.metered)).isEqualTo(1);
	}

	@Test
	void anUnknownOrOverlongIdIsNoArticle() {
		assertThat(this.reading.open("no-such-article", null, request("GET"))).isEmpty();
		assertThat(this.reading.open("p".repeat(ArticleReading.MAX_ID_LENGTH + 1), this.member, request("GET")))
				.isEmpty();
		assertThat(this.reading.offlineCopy("p".repeat(ArticleReading.MAX_ID_LENGTH + 1), this.member)).isEmpty();
		assertThat(this.events).isEmpty();
	}

	@Test
	void anOverlongIdNeverReachesTheStore() {
		List<String> asked = new ArrayList<>();
		FakeArticles store = new FakeArticles();
		Articles articles = new Articles() {
			@Override
			public List<Publisher> publishers() {
				return store.publishers();
			}

			@Override
			public Optional<Publisher> publisher(String id) {
				return store.publisher(id);
			}

			@Override
			public ArticlePage latest(ArticleQuery query) {
				return store.latest(query);
			}

			@Override
			public Optional<Article> article(String id) {
				asked.add(id);
				return store.article(id);
			}
		};
		ArticleReading guarded = new ArticleReading(articles, this.paywall,
				new OpenedArticles(this.events::add, this.clock));
		guarded.open("x".repeat(ArticleReading.MAX_ID_LENGTH + 1), null, request("GET"));
		guarded.open(PAID, null, request("GET"));
		assertThat(asked).containsExactly(PAID);
	}

}
