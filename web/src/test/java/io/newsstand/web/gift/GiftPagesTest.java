package io.newsstand.web.gift;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Gift links through the pages: a member gifts from the article page, anyone
 * reads that one article in full without an account, and the link opens nothing
 * else; revoking, expiry, forged links and the allowance.
 */
@ResourceLock(SiteTest.CLOCK)
class GiftPagesTest extends GiftSiteTest {

	@Test
	void aMembersGiftLinkOpensTheArticleInFullForAStrangerWithoutAnAccount() {
		Member alex = member("gift-giver");
		assertThat(alex.client().get("/articles/paid-1").body()).contains("Gift this article");
		String link = giftFromThePage(alex, "paid-1", "Alex");
		assertThat(alex.client().get("/gifts").body()).contains("9 of 10 gifts left this month");

		SiteClient stranger = client();
		HttpResponse<String> page = stranger.get(link);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body())
				.contains(FakeArticles.secret("paid-1"), "<strong>Alex</strong> gifted you this article",
						"<meta name=\"robots\" content=\"noindex, nofollow\">", "Start my 14-day free trial")
				.doesNotContain(alex.email());
		assertThat(page.headers().firstValue("Cache-Control")).contains("private, no-store");
		assertThat(page.headers().firstValue("X-Robots-Tag")).contains("noindex, nofollow");
		assertThat(page.headers().allValues("Set-Cookie")).as("a gift signs nobody in")
				.noneMatch(cookie -> cookie.startsWith("SESSION"));
		assertThat(this.opened).singleElement().satisfies(event -> {
			assertThat(event.articleId()).isEqualTo("paid-1");
			assertThat(event.publisherId()).isEqualTo(FakeArticles.PAID_PUBLISHER);
			assertThat(event.giftId()).isEqualTo(GiftLinks.idOf(link.substring("/gift/".length())));
		});
	}

	@Test
	void aGiftLinkOpensNoOtherArticleNorTheApiAndAHeadOpensNothing() {
		String link = giftFromThePage(member("gift-scope"), "paid-2", "Sam");
		SiteClient stranger = client();
		assertThat(stranger.get(link).body()).contains(FakeArticles.secret("paid-2"));
		assertThat(stranger.get(link + "?article=paid-3").body()).contains(FakeArticles.secret("paid-2"))
				.doesNotContain(FakeArticles.secret("paid-3"));
		assertThat(stranger.get("/articles/paid-2").body()).doesNotContain(FakeArticles.secret("paid-2"));
		assertThat(stranger.get("/articles/paid-3").body()).doesNotContain(FakeArticles.secret("paid-3"));
		assertThat(stranger.get("/api/v1/articles/paid-2").body()).contains("\"access\":\"teaser\"")
				.doesNotContain(FakeArticles.secret("paid-2"));
		String token = link.substring("/gift/".length());
		assertThat(stranger.get("/api/v1/articles/paid-2", "Authorization", "Bearer " + token).statusCode())
				.as("the token is no API token").isEqualTo(401);
		assertThat(stranger.get("/membership/welcome").statusCode()).as("no membership").isEqualTo(302);

		this.opened.clear();
		HttpResponse<String> head = stranger
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + link))
						.method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(this.opened).as("a HEAD opens nothing").isEmpty();
	}

	@Test
	void onlyMembersGiftAndReadersWithoutAMembershipAreToldWhy() {
		Member reader = reader("gift-nonmember");
		HttpResponse<String> refused = reader.client().submit("/articles/paid-1", "/articles/paid-1/gift", "from",
				"Kim");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("Gift articles are for members");
		assertThat(reader.client().get("/articles/free-1").body()).doesNotContain("Gift this article");
		assertThat(reader.client().get("/gifts").body()).contains("10 of 10 gifts left this month")
				.doesNotContain("/gift/");

		SiteClient anonymous = client();
		anonymous.get("/signin");
		HttpResponse<String> stranger = anonymous.post("/articles/paid-1/gift", anonymous.withCsrf("from", "X"));
		assertThat(stranger.statusCode()).isEqualTo(302);
		assertThat(stranger.headers().firstValue("Location"))
				.hasValueSatisfying(to -> assertThat(to).contains("/signin"));
	}

	@Test
	void aGiftFormWithoutTheCsrfTokenIsRefusedAndTheNameIsEscaped() {
		Member alex = member("gift-csrf");
		HttpResponse<String> forged = alex.client().post("/articles/paid-7/gift", Map.of("from", "Mallory"));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(alex.client().get("/gifts").body()).contains("10 of 10 gifts left this month");

		String link = giftFromThePage(alex, "paid-7", "Al <i>x</i>");
		assertThat(client().get(link).body()).contains("<strong>Al &lt;i&gt;x&lt;/i&gt;</strong> gifted you")
				.doesNotContain("<i>x</i>");
		HttpResponse<String> email = alex.client().submit("/articles/paid-8", "/articles/paid-8/gift", "from",
				"alex@example.com");
		assertThat(email.statusCode()).isEqualTo(422);
		assertThat(email.body()).contains("not an e-mail address");
	}

	@Test
	void theGiverRevokesAndAnotherMemberCannot() {
		Member alex = member("gift-revoker");
		String link = giftFromThePage(alex, "paid-4", "Alex");
		String id = GiftLinks.idOf(link.substring("/gift/".length()));
		Member other = member("gift-other");
		HttpResponse<String> foreign = other.client().submit("/gifts", "/gifts/" + id + "/revoke");
		assertThat(foreign.statusCode()).isEqualTo(404);
		assertThat(client().get(link).body()).contains(FakeArticles.secret("paid-4"));

		HttpResponse<String> revoked = alex.client().submit("/gifts", "/gifts/" + id + "/revoke");
		assertThat(revoked.headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/gifts?revoked"));
		HttpResponse<String> gone = client().get(link);
		assertThat(gone.statusCode()).isEqualTo(410);
		assertThat(gone.body())
				.contains("This gift link no longer works", "Start my 14-day free trial", "Paragraph 1 of paid-4")
				.doesNotContain(FakeArticles.secret("paid-4"));
		assertThat(alex.client().get("/gifts").body()).doesNotContain(link).contains("9 of 10 gifts left");
	}

	@Test
	void anExpiredLinkShowsTheTeaserAndAForgedOneIsNotFound() {
		String link = giftFromThePage(member("gift-expiry"), "paid-5", "Alex");
		clock.advance(Duration.ofDays(14));
		HttpResponse<String> expired = client().get(link);
		assertThat(expired.statusCode()).isEqualTo(410);
		assertThat(expired.body()).contains("This gift link expired on", "Start my 14-day free trial")
				.doesNotContain(FakeArticles.secret("paid-5"));
		assertThat(this.opened).isEmpty();

		HttpResponse<String> forged = client().get("/gift/" + "A".repeat(43));
		assertThat(forged.statusCode()).isEqualTo(404);
		assertThat(forged.body()).contains("This gift link does not work");
		assertThat(client().get("/gift/not-a-token").statusCode()).isEqualTo(404);
	}

	@Test
	void theSameArticleAgainIsFreeAndTheMonthsGiftsRunOutWithAClearMessage() {
		Member alex = member("gift-allowance");
		String first = giftFromThePage(alex, "paid-6", "Alex");
		assertThat(giftFromThePage(alex, "paid-6", "Alex")).isEqualTo(first);
		assertThat(alex.client().get("/gifts").body()).contains("9 of 10 gifts left this month");
		String token = token(alex.email());
		for (int i = 1; i <= 9; i++) {
			assertThat(api("POST", "/api/v1/me/gifts", token, "{\"articleId\":\"paid-" + ((i % 8) + 1) + "\"}")
					.statusCode()).isIn(200, 201);
		}
		assertThat(api("POST", "/api/v1/me/gifts", token, "{\"articleId\":\"" + FakeArticles.FERRY_PAID + "\"}")
				.statusCode()).isEqualTo(201);
		assertThat(alex.client().get("/gifts").body()).contains("1 of 10 gifts left this month");
		api("POST", "/api/v1/me/gifts", token, "{\"articleId\":\"" + FakeArticles.FERRY_FREE + "\"}");
		HttpResponse<String> refused = alex.client().submit("/articles/free-1", "/articles/free-1/gift", "from", "A");
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.body()).contains("You have given all 10 gifts this month");
		assertThat(giftFromThePage(alex, "paid-6", "Alex")).as("an article already gifted").isEqualTo(first);
	}

}
