package io.newsstand.web.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.Publisher;
import io.newsstand.web.account.AccountStore;
import io.newsstand.web.redis.PayoutKeys;
import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Payouts through the running app: a paying member's reads split their payment
 * on "Where your money went" and in the API; nobody sees another member's
 * split; only admins reach the operator page and exports; the reading-time
 * beacon needs the page's CSRF token; a closed month's statement is frozen.
 */
class PayoutsSiteTest extends SiteTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PASSWORD = "copper kettle orbit";

	@Autowired
	AccountStore accounts;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ReadingLedger ledger;

	@Autowired
	Articles articles;

	@Autowired
	Statements statements;

	record Member(SiteClient site, String email, String accountId) {
	}

	/**
	 * Signs up, starts the monthly trial and ends it, so the member pays 9.00 EUR
	 * now: 8.61 net of the sandbox's card fee (1.5% + 0.25, rounded: 0.39).
	 */
	private Member payingMember(String name) {
		SiteClient site = client();
		String email = uniqueEmail(name);
		site.signUp(email, PASSWORD);
		site.startTrial("monthly", "4242424242424242");
		HttpResponse<String> ended = site.submit("/account", "/account/membership/end-trial");
		assertThat(ended.statusCode()).as(ended.body()).isEqualTo(302);
		return new Member(site, email, this.accounts.findByEmail(email).orElseThrow().id());
	}

	private String token(SiteClient site, String email) {
		HttpResponse<String> issued = site.postJson("/api/v1/auth/token",
				"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
		return JSON.readTree(issued.body()).get("token").asString();
	}

	private HttpResponse<String> api(SiteClient site, String path, String token) {
		return site.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", "Bearer " + token).build());
	}

	@Test
	void aMembersReadsSplitTheirPaymentAndTheySeeOnlyTheirOwn() {
		Member reader = payingMember("payer");
		Member other = payingMember("other");
		reader.site().get("/articles/paid-1");
		reader.site().get("/articles/paid-2");
		reader.site().get("/articles/paid-1");
		reader.site().get("/articles/free-1");

		String page = reader.site().get("/account/payouts").body();
		assertThat(page)
				.contains("Where your money went", "Your payment after refunds and Stripe's fee: EUR 8.61",
						"Newsstand keeps EUR 2.58")
				.contains("Daily Ledger</td><td>EUR 6.03").doesNotContain("Open Gazette</td>");
		assertThat(page).contains("Daily Ledger: 2 articles");
		assertThat(reader.site().get("/account").body()).contains("href=\"/account/payouts\"");

		String token = token(reader.site(), reader.email());
		HttpResponse<String> own = api(reader.site(), "/api/v1/me/payouts?accountId=" + other.accountId(), token);
		assertThat(own.statusCode()).isEqualTo(200);
		JsonNode split = JSON.readTree(own.body());
		assertThat(split.get("parts")).hasSize(1);
		assertThat(split.get("parts").get(0).get("net").asLong()).isEqualTo(861);
		assertThat(split.get("parts").get(0).get("publishers").get(0).get("publisherId").asString())
				.isEqualTo(FakeArticles.PAID_PUBLISHER);
		assertThat(split.get("parts").get(0).get("publishers").get(0).get("amount").asLong()).isEqualTo(603);
		assertThat(own.body()).doesNotContain(other.accountId());

		String othersPage = other.site().get("/account/payouts").body();
		assertThat(othersPage).contains("Your payment after refunds and Stripe's fee: EUR 8.61", "shared pool")
				.doesNotContain("Daily Ledger</td>");

		assertThat(api(reader.site(), "/api/v1/me/payouts?month=2026-13", token).statusCode()).isEqualTo(400);
		assertThat(client().get("/account/payouts").statusCode()).as("anonymous: to sign-in").isEqualTo(302);
	}

	@Test
	void theApiShowsWhatTheMemberPaidAndStripesFeeToThemAlone() {
		Member payer = payingMember("api-payer");
		JsonNode own = JSON
				.readTree(api(payer.site(), "/api/v1/me/payouts", token(payer.site(), payer.email())).body());
		// 9.00 EUR paid; the sandbox's card fee 1.5% + 0.25 = 0.39; 8.61 net.
		assertThat(own.get("payments")).hasSize(1);
		JsonNode paid = own.get("payments").get(0);
		assertThat(paid.get("currency").asString()).isEqualTo("eur");
		assertThat(paid.get("amountPaid").asLong()).isEqualTo(900);
		assertThat(paid.get("amountPaidText").asString()).isEqualTo("EUR 9.00");
		assertThat(paid.get("fee").asLong()).isEqualTo(39);
		assertThat(paid.get("feeText").asString()).isEqualTo("EUR 0.39");
		assertThat(paid.get("refunded").asLong()).isZero();
		assertThat(paid.get("amountPaid").asLong() - paid.get("fee").asLong())
				.isEqualTo(own.get("parts").get(0).get("net").asLong());

		// A trial pays nothing: no payment, whoever's account the request names.
		SiteClient trial = client();
		String trialEmail = uniqueEmail("api-trial");
		trial.signUp(trialEmail, PASSWORD);
		trial.startTrial("monthly", "4242424242424242");
		HttpResponse<String> trialAnswer = api(trial, "/api/v1/me/payouts?accountId=" + payer.accountId(),
				token(trial, trialEmail));
		assertThat(trialAnswer.statusCode()).isEqualTo(200);
		JsonNode trialOwn = JSON.readTree(trialAnswer.body());
		assertThat(trialOwn.get("payments")).isEmpty();
		assertThat(trialOwn.get("parts")).isEmpty();
		assertThat(trialAnswer.body()).doesNotContain("900").doesNotContain(payer.accountId());

		SiteClient stranger = client();
		HttpResponse<String> anonymous = stranger.get("/api/v1/me/payouts");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).doesNotContain("amountPaid");
	}

	@Test
	void lookingTooOftenIsRefusedWithRetryAfterBeforeAskingStripe() {
		SiteClient site = client();
		String email = uniqueEmail("limited");
		site.signUp(email, PASSWORD);
		String token = token(site, email);
		// The default limit: 30 looks a minute, page and API together.
		for (int look = 0; look < 29; look++) {
			assertThat(api(site, "/api/v1/me/payouts", token).statusCode()).as("look " + (look + 1)).isEqualTo(200);
		}
		assertThat(site.get("/account/payouts").statusCode()).isEqualTo(200);
		HttpResponse<String> api = api(site, "/api/v1/me/payouts", token);
		assertThat(api.statusCode()).isEqualTo(429);
		assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(Long.parseLong(api.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
		HttpResponse<String> page = site.get("/account/payouts");
		assertThat(page.statusCode()).isEqualTo(429);
		assertThat(page.headers().firstValue("Retry-After")).isPresent();
		assertThat(page.body()).contains("id=\"payouts-limited\"", "class=\"masthead\"");
		assertThat(client().get("/account/payouts").statusCode()).as("a stranger is still sent to sign in")
				.isEqualTo(302);
	}

	@Test
	void onlyAdminsReachTheOperatorPageAndItsExports() {
		Member reader = payingMember("nonadmin");
		reader.site().get("/articles/paid-3");
		String month = YearMonth.now(ZoneOffset.UTC).toString();
		for (String path : new String[]{"/operator/payouts", "/operator/payouts/" + month + ".csv",
				"/operator/payouts/" + month + ".json"}) {
			assertThat(reader.site().get(path).statusCode()).as(path).isEqualTo(403);
		}
		String token = token(reader.site(), reader.email());
		assertThat(api(reader.site(), "/api/v1/operator/payouts/" + month, token).statusCode()).isEqualTo(403);
		assertThat(api(reader.site(), "/api/v1/operator/payouts/" + month + ".csv", token).statusCode()).isEqualTo(403);

		SiteClient admin = admin();
		String page = admin.get("/operator/payouts").body();
		assertThat(page).contains("Payouts for " + month, "still open", "<td>Daily Ledger</td>")
				.doesNotContain("<td>" + FakeArticles.PAID_PUBLISHER + "</td>");
		HttpResponse<String> csv = admin.get("/operator/payouts/" + month + ".csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.body()).startsWith("publisher,publisher_name,reads,readers,amount,currency\r\n");
		assertThat(Pattern.compile("(?m)^" + FakeArticles.PAID_PUBLISHER + ",Daily Ledger,\\d+,\\d+,\\d+\\.\\d{2},eur$")
				.matcher(csv.body()).find()).as(csv.body()).isTrue();
		JsonNode json = JSON.readTree(admin.get("/operator/payouts/" + month + ".json").body());
		assertThat(json.get("publishers").valueStream()
				.filter(line -> line.get("publisherId").asString().equals(FakeArticles.PAID_PUBLISHER))
				.map(line -> line.get("publisherName").asString())).contains("Daily Ledger");
		assertThat(admin.get("/operator/payouts/2026-1.json").statusCode()).isEqualTo(400);
	}

	@Test
	void theReadingTimeBeaconNeedsTheCsrfTokenAndAFullRead() {
		Member reader = payingMember("beacon");
		String article = reader.site().get("/articles/paid-4").body();
		assertThat(article).contains("id=\"reading-time\"", "/js/reading-time-");
		String csrf = Pattern.compile("data-csrf-token=\"([^\"]+)\"").matcher(article).results().findFirst()
				.orElseThrow().group(1);
		assertThat(reader.site().post("/articles/paid-4/reading-time", Map.of("seconds", "90")).statusCode())
				.as("no CSRF token").isEqualTo(403);
		assertThat(reader.site().post("/articles/paid-4/reading-time", Map.of("seconds", "90", "_csrf", csrf))
				.statusCode()).isEqualTo(204);
		assertThat(reader.site().post("/articles/paid-5/reading-time", Map.of("seconds", "90", "_csrf", csrf))
				.statusCode()).as("never opened: accepted, not counted").isEqualTo(204);
		assertThat(this.ledger.member(reader.accountId(), YearMonth.now(ZoneOffset.UTC)))
				.containsExactly(new LedgerEntry(reader.accountId(), FakeArticles.PAID_PUBLISHER, 1, 90));
		assertThat(client().get("/articles/paid-4").body()).as("no beacon on a teaser").doesNotContain("reading-time");
	}

	@Test
	void aClosedMonthsStatementIsFrozen() {
		Member reader = payingMember("frozen");
		reader.site().get("/articles/paid-6");
		YearMonth month = YearMonth.now(ZoneOffset.UTC);
		clock.set(month.plusMonths(1).atDay(2).atStartOfDay().toInstant(ZoneOffset.UTC));
		Statement first = this.statements.month(month).orElseThrow();
		assertThat(first.frozen()).isTrue();
		assertThat(this.redis.hasKey(PayoutKeys.statement(month.toString()))).isTrue();
		// A late read of that month changes nothing any more (written to the ledger
		// of the month, which the app's clock has left).
		this.ledger.read(reader.accountId(), FakeArticles.FREE_PUBLISHER, "late-article",
				month.atEndOfMonth().atStartOfDay().toInstant(ZoneOffset.UTC));
		clock.advance(Duration.ofDays(1));
		assertThat(this.statements.month(month).orElseThrow()).isEqualTo(first);
		assertThat(first.members()).filteredOn(share -> share.accountId().equals(reader.accountId())).singleElement()
				.satisfies(share -> assertThat(share.publishers()).containsOnlyKeys(FakeArticles.PAID_PUBLISHER));
		assertThat(this.statements.month(month.plusMonths(2))).as("not begun").isEmpty();
	}

	@Test
	void publisherNamesFromTheCatalogAreEscapedOnThePageAndInTheCsv() {
		String hostile = "=HYPERLINK(\"http://x\") <script>alert(1)</script>, Ltd";
		FakeArticles fake = (FakeArticles) this.articles;
		fake.addPublisher(new Publisher("hostile-press", hostile, "https://hostile.example", null, "UK", "en", false,
				List.of("Business")));
		Instant published = Instant.parse("2026-03-01T08:00:00Z");
		fake.put(new Article("hostile-1", "Headline", "https://hostile.example/1", "hostile-press", hostile, "Business",
				"UK", null, published, published, "Summary", "<p>Body</p>", null, List.of(), "en", 10, 1, false));
		try {
			Member reader = payingMember("hostile");
			assertThat(reader.site().get("/articles/hostile-1").statusCode()).isEqualTo(200);
			String month = YearMonth.now(ZoneOffset.UTC).toString();
			SiteClient admin = admin();
			String page = admin.get("/operator/payouts").body();
			assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
			String csv = admin.get("/operator/payouts/" + month + ".csv").body();
			// Reads and readers are this member's; the amount may also hold a share of the
			// pool of other tests' members who read nothing.
			assertThat(csv).containsPattern(Pattern
					.quote("\r\nhostile-press,\"'=HYPERLINK(\"\"http://x\"\") <script>alert(1)</script>, Ltd\",1,1,")
					+ "\\d+\\.\\d{2},eur\r\n");
		} finally {
			fake.remove("hostile-1");
			fake.removePublisher("hostile-press");
		}
	}

}
