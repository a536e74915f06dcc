package io.newsstand.web.reading;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The paywall as readers (and people trying to get around it) meet it, on the
 * page and in the API.
 */
@ResourceLock(SiteTest.CLOCK)
class ArticlePaywallTest extends SiteTest {

	private static final String PASSWORD = "juniper anchor ribbon";

	private static final String PAID = "paid-1";

	private static final String SECRET = FakeArticles.secret(PAID);

	@Nested
	class AnonymousReaders {

		@Test
		void getTheTeaserAndTheJoinBoxReturningToTheArticle() {
			HttpResponse<String> page = client().get("/articles/" + PAID);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("Headline of paid-1").contains("The standfirst of paid-1")
					.contains("Paragraph 1 of paid-1").doesNotContain("Paragraph 3 of paid-1").doesNotContain(SECRET)
					.contains("Sign up to read this article").contains("14-day free trial").contains("€9.00 a month")
					.contains("href=\"/signin?next=%2Farticles%2Fpaid-1\"");
			assertThat(page.headers().allValues("Set-Cookie")).as("no session for an anonymous reader").isEmpty();
			assertThat(page.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
		}

		@Test
		void theBodyIsInNoMetaTagAndNoStructuredData() {
			String page = client().get("/articles/" + PAID).body();
			assertThat(page).contains("<meta property=\"og:description\" content=\"The standfirst of paid-1");
			Matcher jsonLd = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
					.matcher(page);
			assertThat(jsonLd.find()).isTrue();
			assertThat(jsonLd.group(1)).contains("\"isAccessibleForFree\":false")
					.contains("\"cssSelector\":\".paywalled-body\"").doesNotContain("Paragraph");
		}

		@Test
		void printParametersAcceptHeadersAndHeadRequestsGiveNothingMore() {
			for (String path : new String[]{"/articles/paid-1?print", "/articles/paid-1?print=1&full=true",
					"/articles/paid-1/"}) {
				HttpResponse<String> page = client().get(path);
				assertThat(page.body()).as(path).doesNotContain(SECRET);
			}
			for (String accept : new String[]{"application/json", "text/plain", "application/ld+json", "*/*"}) {
				assertThat(client().get("/articles/" + PAID, "Accept", accept).body()).as(accept)
						.doesNotContain(SECRET);
			}
			HttpResponse<String> head = client()
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/articles/" + PAID))
							.method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
			assertThat(head.statusCode()).isEqualTo(200);
			assertThat(head.body()).isEmpty();
		}

		@Test
		void theApiGivesTheSameTeaserWithTheReasonAndTheOffer() {
			HttpResponse<String> api = client().get("/api/v1/articles/" + PAID);
			assertThat(api.statusCode()).isEqualTo(200);
			assertThat(api.body()).contains("\"access\":\"teaser\"").contains("\"reason\":\"anonymous\"")
					.contains("\"trialDays\":14").contains("Paragraph 1 of paid-1").doesNotContain(SECRET);
			assertThat(api.headers().firstValue("Cache-Control"))
					.hasValueSatisfying(value -> assertThat(value).contains("public"));
		}

		@Test
		void freePublishersAreReadInFull() {
			String page = client().get("/articles/free-1").body();
			assertThat(page).contains(FakeArticles.secret("free-1")).doesNotContain("Sign up to read this article");
			assertThat(client().get("/api/v1/articles/free-1").body()).contains("\"access\":\"full\"")
					.contains("\"reason\":\"free\"");
		}

		@Test
		void unknownArticlesAre404InTheLayoutOrProblemJson() {
			HttpResponse<String> page = client().get("/articles/no-such-article", "Accept", "text/html");
			assertThat(page.statusCode()).isEqualTo(404);
			assertThat(page.body()).contains("Page not found");
			HttpResponse<String> api = client().get("/api/v1/articles/no-such-article");
			assertThat(api.statusCode()).isEqualTo(404);
			assertThat(api.headers().firstValue("Content-Type"))
					.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		}

		@Test
		void aForgedSessionCookieOrTokenUnlocksNothing() {
			SiteClient forger = client();
			forger.addCookie("SESSION", Base64.getEncoder().encodeToString("made-up".getBytes()));
			assertThat(forger.get("/articles/" + PAID).body()).doesNotContain(SECRET);
			HttpResponse<String> api = client().get("/api/v1/articles/" + PAID, "Authorization", "Bearer made-up");
			assertThat(api.statusCode()).isEqualTo(401);
			assertThat(api.body()).doesNotContain(SECRET);
		}

	}

	@Nested
	class SignedInReaders {

		@Test
		void theMonthlyMeterOpensThreeArticlesThenTheTeaser() {
			SiteClient reader = client();
			reader.signUp(uniqueEmail("meter"), PASSWORD);
			HttpResponse<String> first = reader.get("/articles/paid-2");
			assertThat(first.body()).contains(FakeArticles.secret("paid-2")).contains("Free articles left: 2");
			assertThat(first.headers().firstValue("Cache-Control")).hasValue("private, no-store");
			reader.get("/articles/paid-3");
			assertThat(reader.get("/articles/paid-4").body()).contains("Free articles left: 0");
			String fourth = reader.get("/articles/paid-5").body();
			assertThat(fourth).doesNotContain(FakeArticles.secret("paid-5"))
					.contains("You have read this month's free articles");
			assertThat(reader.get("/articles/paid-2").body()).as("an article opened this month stays open")
					.contains(FakeArticles.secret("paid-2"));
			assertThat(reader.get("/account").body()).contains("Free articles left this month: 0.");
		}

		@Test
		void aHeadRequestSpendsNoFreeArticle() {
			SiteClient reader = client();
			reader.signUp(uniqueEmail("head"), PASSWORD);
			HttpResponse<String> head = reader
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/articles/paid-6"))
							.method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
			assertThat(head.statusCode()).isEqualTo(200);
			assertThat(head.body()).isEmpty();
			assertThat(reader.get("/account").body()).contains("Free articles left this month: 3.");
			assertThat(reader.get("/articles/paid-6").body()).contains(FakeArticles.secret("paid-6"))
					.contains("Free articles left: 2");
		}

		@Test
		void theApiSpendsTheSameMeter() {
			String email = uniqueEmail("apimeter");
			SiteClient browser = client();
			browser.signUp(email, PASSWORD);
			String token = token(email);
			for (String id : new String[]{"paid-2", "paid-3", "paid-4"}) {
				assertThat(client().get("/api/v1/articles/" + id, "Authorization", "Bearer " + token).body())
						.contains("\"reason\":\"metered\"");
			}
			HttpResponse<String> exhausted = client().get("/api/v1/articles/paid-5", "Authorization",
					"Bearer " + token);
			assertThat(exhausted.body()).contains("\"access\":\"teaser\"").contains("\"reason\":\"meter-exhausted\"")
					.contains("\"freeArticlesLeft\":0").doesNotContain(FakeArticles.secret("paid-5"));
			assertThat(exhausted.headers().firstValue("Cache-Control"))
					.hasValueSatisfying(value -> assertThat(value).contains("no-store").contains("private"));
			assertThat(browser.get("/articles/paid-5").body()).doesNotContain(FakeArticles.secret("paid-5"));
		}

		@Test
		void aMemberInTheTrialReadsEverythingAndSeesTheDaysLeft() {
			String email = uniqueEmail("member");
			SiteClient member = client();
			member.signUp(email, PASSWORD);
			HttpResponse<String> welcome = member.startTrial("monthly", "4242424242424242");
			assertThat(welcome.statusCode()).isEqualTo(200);
			assertThat(welcome.body()).contains("Welcome to Newsstand").contains("Your free trial ends on");
			// The test's clock stands still since the test began; the trial started when
			// the checkout completed, seconds later (signing up includes confirming the
			// address). Days begun count, so the clock moves to now, as the journey test's.
			clock.set(Instant.now());
			for (int i = 1; i <= 6; i++) {
				assertThat(member.get("/articles/paid-" + i).body()).contains(FakeArticles.secret("paid-" + i))
						.doesNotContain("Free articles left");
			}
			String token = token(email);
			String membership = client().get("/api/v1/me/membership", "Authorization", "Bearer " + token).body();
			assertThat(membership).contains("\"state\":\"trialing\"").contains("\"plan\":\"monthly\"")
					.contains("\"trialEligible\":false");
			// 14 days from the sandbox's clock for this customer, which may differ from
			// ours by some hours.
			Matcher days = Pattern.compile("\"daysLeft\":(\\d+)").matcher(membership);
			assertThat(days.find()).isTrue();
			assertThat(Integer.parseInt(days.group(1))).isBetween(13, 14);
			assertThat(member.get("/account").body()).contains("Your free trial ends on")
					.contains("(" + days.group(1) + " days left)").contains("we charge €9.00 for the monthly plan");
			assertThat(client().get("/api/v1/articles/paid-7", "Authorization", "Bearer " + token).body())
					.contains("\"access\":\"full\"").contains("\"reason\":\"member\"");
			assertThat(client().get("/articles/paid-7").body()).as("the member's page is not shared")
					.doesNotContain(FakeArticles.secret("paid-7"));

			member.get("/account");
			HttpResponse<String> cancelled = member.post("/account/membership/cancel", member.withCsrf());
			assertThat(cancelled.headers().firstValue("Location"))
					.hasValueSatisfying(location -> assertThat(location).endsWith("/account?done=cancelled"));
			assertThat(member.get("/account?done=cancelled").body()).contains("Your free trial is cancelled")
					.contains("You keep reading until the end of the period you have");
			assertThat(member.get("/articles/paid-8").body()).contains(FakeArticles.secret("paid-8"));
		}

		private String token(String email) {
			HttpResponse<String> issued = client().postJson("/api/v1/auth/token",
					"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
			Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(issued.body());
			assertThat(token.find()).as(issued.body()).isTrue();
			return token.group(1);
		}

	}

}
