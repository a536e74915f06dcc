package io.newsstand.web.personal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Articles;
import io.newsstand.web.account.AccountStore;
import io.newsstand.web.articles.ArticleOpened;
import io.newsstand.web.redis.PersonalKeys;
import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The reader's personal pages: follow buttons, "Following", "For you", saved
 * articles, history, and what account deletion removes.
 */
@ResourceLock(SiteTest.CLOCK)
class PersonalPagesTest extends SiteTest {

	private static final String PASSWORD = "copper kettle orbit";

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	AccountStore accounts;

	@Autowired
	Articles catalog;

	@Autowired
	Clock appClock;

	private SiteClient reader(String name) {
		SiteClient reader = client();
		reader.signUp(uniqueEmail(name), PASSWORD);
		return reader;
	}

	private String accountId(SiteClient reader) {
		String page = reader.get("/account").body();
		Matcher email = Pattern.compile("Signed in as <strong>([^<]+)</strong>").matcher(page);
		assertThat(email.find()).isTrue();
		return this.accounts.findByEmail(email.group(1)).orElseThrow().id();
	}

	private static HttpResponse<String> follow(SiteClient reader, String kind, String value, String action,
			String next) {
		return reader.submit("/following", "/following", "kind", kind, "value", value, "action", action, "next", next);
	}

	@Test
	void theArticlePageOffersFollowSaveAndMuteButtonsToSignedInReadersOnly() {
		String anonymous = client().get("/articles/paid-1").body();
		assertThat(anonymous).doesNotContain("action=\"/following\"").doesNotContain("action=\"/saved\"");

		String page = reader("buttons").get("/articles/paid-1").body();
		assertThat(page).contains("Follow Daily Ledger", "Follow Business", "Follow economy", "Save for later",
				"Mute Daily Ledger");
		assertThat(page).contains("<input type=\"hidden\" name=\"_csrf\"");
	}

	@Test
	void followingFromTheArticlePageReturnsThereAndTurnsTheButtonIntoUnfollow() {
		SiteClient reader = reader("follower");
		HttpResponse<String> followed = follow(reader, "publisher", FakeArticles.PAID_PUBLISHER, "follow",
				"/articles/paid-1");
		assertThat(followed.statusCode()).isEqualTo(302);
		assertThat(followed.headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/articles/paid-1"));
		assertThat(reader.get("/articles/paid-1").body()).contains("Unfollow Daily Ledger")
				.doesNotContain("Follow Daily Ledger");
		follow(reader, "section", "business", "follow", "/following");
		follow(reader, "topic", "  Economy ", "follow", "/following");
		String following = reader.get("/following").body();
		assertThat(following).contains("Publisher: <strong>Daily Ledger</strong>", "Section: <strong>Business</strong>",
				"Topic: <strong>economy</strong>");

		follow(reader, "topic", "economy", "unfollow", "/following");
		assertThat(reader.get("/following").body()).doesNotContain("Topic: <strong>economy</strong>");
	}

	@Test
	void anUnknownPublisherOrKindIsRefusedWithAMessageAndNothingIsStored() {
		SiteClient reader = reader("unknown");
		HttpResponse<String> publisher = follow(reader, "publisher", "no-such-paper", "follow", "/following");
		assertThat(publisher.statusCode()).isEqualTo(400);
		assertThat(publisher.body()).contains("There is no publisher with the id \"no-such-paper\".");
		HttpResponse<String> section = follow(reader, "section", "Astrology", "follow", "/following");
		assertThat(section.statusCode()).isEqualTo(400);
		assertThat(section.body()).contains("No publisher has a section called");
		assertThat(follow(reader, "mood", "happy", "follow", "/following").statusCode()).isEqualTo(400);
		assertThat(follow(reader, "topic", "   ", "follow", "/following").statusCode()).isEqualTo(400);
		assertThat(this.redis.hasKey(PersonalKeys.follows(accountId(reader)))).isFalse();
	}

	@Test
	void followsWithoutTheFormsCsrfTokenAreRefused() {
		SiteClient reader = reader("forged");
		reader.get("/following");
		HttpResponse<String> forged = reader.post("/following",
				Map.of("kind", "publisher", "value", FakeArticles.PAID_PUBLISHER));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(this.redis.hasKey(PersonalKeys.follows(accountId(reader)))).isFalse();
	}

	@Test
	void topicsAreShownEscaped() {
		SiteClient reader = reader("escape");
		follow(reader, "topic", "<b>bold</b> & co", "follow", "/following");
		String page = reader.get("/following").body();
		assertThat(page).contains("&lt;b&gt;bold&lt;/b&gt; &amp; co").doesNotContain("<b>bold</b>");
	}

	@Test
	void aReaderCannotFollowMoreThanTheLimitOfOneKind() {
		PersonalProperties two = new PersonalProperties(2, 500, 500, Duration.ofDays(90), 50, 300,
				Duration.ofMinutes(10), Duration.ofSeconds(60), Duration.ofDays(14), Duration.ofHours(48));
		Follows follows = new Follows(this.redis, this.catalog, two);
		String account = "limit-" + UUID.randomUUID();
		assertThat(follows.follow(account, FollowKind.TOPIC, "one")).isInstanceOf(Follows.Done.class);
		assertThat(follows.follow(account, FollowKind.TOPIC, "two")).isInstanceOf(Follows.Done.class);
		assertThat(follows.follow(account, FollowKind.TOPIC, "one")).as("following again is no new follow")
				.isInstanceOf(Follows.Done.class);
		assertThat(follows.follow(account, FollowKind.TOPIC, "three")).isInstanceOf(Follows.LimitReached.class);
		assertThat(follows.follow(account, FollowKind.SECTION, "Business")).as("other kinds count apart")
				.isInstanceOf(Follows.Done.class);
		assertThat(follows.of(account).values(FollowKind.TOPIC)).containsExactlyInAnyOrder("one", "two");
	}

	@Test
	void forYouAsksAnonymousReadersToSignIn() {
		HttpResponse<String> page = client().get("/for-you");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Sign in to see articles picked for you").doesNotContain("for-you-list");
	}

	@Test
	void forYouRanksFollowsFirstSaysWhyAndLeavesOutMutedAndReadArticles() {
		SiteClient reader = reader("foryou");
		String before = reader.get("/for-you").body();
		assertThat(before).contains("New on Newsstand", "Choose what to follow");

		follow(reader, "publisher", FakeArticles.FREE_PUBLISHER, "follow", "/for-you");
		String followed = reader.get("/for-you").body();
		assertThat(followed).as("the cached list is recomputed after a follow")
				.contains("Because you follow Open Gazette");
		assertThat(followed.indexOf("Headline of free-1")).isLessThan(followed.indexOf("Headline of paid-1"));

		follow(reader, "publisher", FakeArticles.PAID_PUBLISHER, "mute", "/for-you");
		assertThat(reader.get("/for-you").body()).contains("Headline of free-1").doesNotContain("Headline of paid-");

		reader.get("/articles/free-1");
		assertThat(reader.get("/for-you").body()).as("an article the reader opened is not suggested again")
				.doesNotContain("Headline of free-1");
	}

	@Test
	void forYouNeverCarriesAnArticleBody() {
		SiteClient reader = reader("nobody");
		String page = reader.get("/for-you").body();
		assertThat(page).contains("Headline of paid-1").doesNotContain(FakeArticles.secret("paid-1"))
				.doesNotContain("Paragraph 1 of paid-1");
	}

	@Test
	void savingFromTheArticlePageListsItOnSavedUntilRemoved() {
		SiteClient reader = reader("saver");
		reader.get("/articles/paid-2");
		HttpResponse<String> saved = reader.post("/saved",
				reader.withCsrf("article", "paid-2", "action", "save", "next", "/articles/paid-2"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(reader.get("/articles/paid-2").body()).contains("Remove from saved");
		assertThat(reader.get("/saved").body()).contains("Headline of paid-2", "saved ");

		reader.post("/saved", reader.withCsrf("article", "paid-2", "action", "remove", "next", "/saved"));
		assertThat(reader.get("/saved").body()).doesNotContain("Headline of paid-2")
				.contains("You have not saved any articles");
	}

	@Test
	void savingAnUnknownArticleIsRefusedAndStoresNothing() {
		SiteClient reader = reader("badsave");
		reader.get("/saved");
		HttpResponse<String> refused = reader.post("/saved", reader.withCsrf("article", "no-such-article"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("There is no such article to save");
		assertThat(this.redis.hasKey(PersonalKeys.saved(accountId(reader)))).isFalse();
	}

	@Test
	void historyListsOpenedArticlesNewestFirstAndIsClearedOnlyWhenConfirmed() {
		SiteClient reader = reader("historian");
		reader.get("/articles/paid-3");
		clock.advance(Duration.ofMinutes(5));
		reader.get("/articles/paid-4");
		String history = reader.get("/history").body();
		assertThat(history.indexOf("Headline of paid-4")).isPositive()
				.isLessThan(history.indexOf("Headline of paid-3"));

		HttpResponse<String> unconfirmed = reader.post("/history/clear", reader.withCsrf());
		assertThat(unconfirmed.statusCode()).isEqualTo(400);
		assertThat(reader.get("/history").body()).contains("Headline of paid-4");

		reader.get("/history");
		HttpResponse<String> cleared = reader.post("/history/clear", reader.withCsrf("confirm", "yes"));
		assertThat(cleared.headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/history?cleared"));
		assertThat(reader.get("/history?cleared").body()).contains("Your reading history is cleared")
				.doesNotContain("Headline of paid-");
	}

	@Test
	void historyForgetsEntriesPastItsAge() {
		SiteClient reader = reader("forgetful");
		reader.get("/articles/paid-5");
		clock.advance(Duration.ofDays(91));
		String account = accountId(reader);
		assertThat(this.redis.opsForZSet().zCard(PersonalKeys.history(account))).isEqualTo(1);
		assertThat(reader.get("/history").body()).doesNotContain("Headline of paid-5");
	}

	@Test
	void personalPagesNeedASignIn() {
		for (String path : new String[]{"/saved", "/history", "/following"}) {
			HttpResponse<String> page = client().get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(302);
			assertThat(page.headers().firstValue("Location")).as(path)
					.hasValueSatisfying(location -> assertThat(location).contains("/signin"));
		}
	}

	@Test
	void deletingTheAccountDeletesItsFollowsSavedArticlesAndHistory() {
		SiteClient reader = reader("leaver");
		String account = accountId(reader);
		follow(reader, "publisher", FakeArticles.PAID_PUBLISHER, "follow", "/following");
		reader.get("/articles/paid-6");
		reader.post("/saved", reader.withCsrf("article", "paid-6", "action", "save"));
		for (String key : PersonalKeys.ofAccount(account)) {
			assertThat(this.redis.hasKey(key)).as(key).isTrue();
		}
		reader.submit("/account", "/account/delete", "deletePassword", PASSWORD);
		for (String key : PersonalKeys.ofAccount(account)) {
			assertThat(this.redis.hasKey(key)).as(key).isFalse();
		}
	}

	@Test
	void newReadersPickPublishersAndSectionsRightAfterSignUpAndThePicksBecomeFollows() {
		SiteClient reader = client();
		HttpResponse<String> signedUp = reader.signUp(uniqueEmail("newbie"), PASSWORD);
		assertThat(signedUp.headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/start"));
		String start = reader.get("/start").body();
		assertThat(start).contains("name=\"publisher\" value=\"daily-ledger\"", "name=\"section\" value=\"Business\"",
				"Skip for now");
		HttpResponse<String> picked = reader.post("/start", reader.withCsrf("publisher", FakeArticles.FREE_PUBLISHER,
				"section", "Business", "next", "/account?welcome"));
		assertThat(picked.headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/for-you"));
		assertThat(reader.get("/following").body()).contains("Publisher: <strong>Open Gazette</strong>",
				"Section: <strong>Business</strong>");
		assertThat(reader.get("/for-you").body()).contains("Because you follow Open Gazette");
	}

	@Test
	void anUnknownOnboardingPickStoresNothing() {
		SiteClient reader = reader("badpick");
		reader.get("/start");
		HttpResponse<String> refused = reader.post("/start",
				reader.withCsrf("section", "Business", "publisher", "no-such-paper"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("There is no publisher with the id");
		assertThat(this.redis.hasKey(PersonalKeys.follows(accountId(reader)))).isFalse();
	}

	@Test
	void skippingOnboardingFollowsNothing() {
		SiteClient reader = reader("skipper");
		reader.get("/start");
		HttpResponse<String> skipped = reader.post("/start", reader.withCsrf("next", "/account?welcome"));
		assertThat(skipped.headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/account?welcome"));
		assertThat(this.redis.hasKey(PersonalKeys.follows(accountId(reader)))).isFalse();
	}

	@Test
	void theSavedListIsCappedAndTheHistoryKeepsOnlyTheNewestEntries() {
		PersonalProperties small = new PersonalProperties(100, 2, 3, Duration.ofDays(90), 50, 300,
				Duration.ofMinutes(10), Duration.ofSeconds(60), Duration.ofDays(14), Duration.ofHours(48));
		String account = "caps-" + UUID.randomUUID();
		SavedArticles saved = new SavedArticles(this.redis, small, this.appClock);
		assertThat(saved.save(account, "paid-1")).isTrue();
		assertThat(saved.save(account, "paid-2")).isTrue();
		assertThat(saved.save(account, "paid-1")).as("saving again takes no room").isTrue();
		assertThat(saved.save(account, "paid-3")).as("full").isFalse();
		assertThat(saved.count(account)).isEqualTo(2);

		ReadingHistory history = new ReadingHistory(this.redis, new Follows(this.redis, this.catalog, small), small,
				this.appClock);
		Instant start = this.appClock.instant();
		for (int i = 1; i <= 5; i++) {
			history.opened(new ArticleOpened("paid-" + i, FakeArticles.PAID_PUBLISHER, "Business", account,
					"a:" + account, "address", false, start.plusSeconds(i)));
		}
		history.opened(new ArticleOpened("paid-1", FakeArticles.PAID_PUBLISHER, "Business", null, "v:someone",
				"someone", false, start.plusSeconds(9)));
		assertThat(history.list(account, 0, 10)).extracting(SavedArticles.Entry::articleId)
				.as("newest first, capped at 3; anonymous readers keep no history")
				.containsExactly("paid-5", "paid-4", "paid-3");
	}

}
