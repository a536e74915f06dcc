package io.newsstand.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.Publisher;
import io.newsstand.web.account.AccountStore;
import io.newsstand.web.redis.WebKeys;
import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Publisher payouts in a real browser: a reader subscribes through the hosted
 * checkout, starts paying, reads two articles of one publisher and one of
 * another, and finds on "Where your money went" what they paid, Stripe's fee,
 * and the net split between the two, with the page's own explanation of the
 * split; an operator sees the month's publishers on the payouts page and
 * downloads the CSV in the same session. A stranger, a signed-in non-member and
 * another member see none of it. The month is the current one, so no month has
 * to close (the frozen statement has its own test in {@code PayoutsSiteTest}).
 */
@ResourceLock(SiteTest.CLOCK)
@Isolated
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PayoutsBrowserTest extends BrowserSiteTest {

	private static final String PASSWORD = "meadow signal lantern";

	/** Unique per run: the shared context's other tests never read it. */
	private final String harbour = "harbour-post-" + UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	Articles articles;

	@Autowired
	AccountStore accounts;

	@Autowired
	StringRedisTemplate redis;

	@BeforeAll
	void addASecondPaidPublisher() {
		FakeArticles fake = (FakeArticles) this.articles;
		fake.addPublisher(new Publisher(this.harbour, "Harbour Post", "https://harbour.example", null, "UK", "en",
				false, List.of("World")));
		Instant published = Instant.parse("2026-03-01T08:00:00Z");
		fake.put(new Article(this.harbour + "-1", "Tides turn at the harbour", "https://harbour.example/1",
				this.harbour, "Harbour Post", "World", "UK", null, published, published, "Summary",
				"<p>Opening.</p><p>The last paragraph holds " + FakeArticles.secret(this.harbour) + ".</p>", null,
				List.of(), "en", 10, 1, false));
	}

	@AfterAll
	void removeIt() {
		FakeArticles fake = (FakeArticles) this.articles;
		fake.remove(this.harbour + "-1");
		fake.removePublisher(this.harbour);
	}

	@Test
	void aMembersReadingSplitsTheirPaymentAndTheOperatorExportsTheMonth() {
		String month = YearMonth.now(ZoneOffset.UTC).toString();
		String otherId = otherPayingMemberReadsDailyLedger();

		this.browser.go("/signup?next=%2Fmembership");
		signUpAndConfirm(uniqueEmail("payouts-browser"), PASSWORD);
		subscribeMonthlyAndStartPaying();
		read("/articles/paid-1", FakeArticles.secret("paid-1"));
		read("/articles/paid-2", FakeArticles.secret("paid-2"));
		read("/articles/" + this.harbour + "-1", FakeArticles.secret(this.harbour));

		this.browser.go("/account");
		this.browser.click("#where-money-went");
		assertThat(this.browser.path()).isEqualTo("/account/payouts");
		assertThat(this.browser.text("h1")).isEqualTo("Where your money went");
		assertOwnSplit();
		// The one-sentence summary links to the page's own explanation, which is there.
		String help = this.browser.find("#split-summary a[href='#how-it-works']").getDomProperty("hash");
		assertThat(this.browser.text(help)).isEqualTo("How the split works");
		assertThat(this.browser.text("section:has(> #how-it-works)")).contains("largest remainders", "shared pool",
				"one twelfth");
		this.browser.assertAccessible();
		this.browser.screenshot("payouts-1-where-your-money-went");

		// Nothing in the request picks whose split it is: another member's id is
		// ignored, the page shows the reader's own.
		this.browser.go("/account/payouts?accountId=" + otherId);
		assertOwnSplit();
		assertThat(this.browser.text("main")).doesNotContain("EUR 6.03").doesNotContain(otherId);

		strangerAndNonMemberSeeNoAmounts(month);
		operatorSeesTheMonthAndDownloadsTheCsv(month);
	}

	/**
	 * 9.00 EUR paid; the sandbox's card fee is 1.5% + 0.25 = 0.39, so 8.61 net;
	 * Newsstand keeps floor(861 × 0.3) = 2.58; the rest, 6.03, goes 2:1 by reads:
	 * Daily Ledger 4.02, Harbour Post 2.01. Together exactly the net.
	 */
	private void assertOwnSplit() {
		assertThat(this.browser.text("#part-eur")).isEqualTo("Your payment after refunds and Stripe's fee: EUR 8.61");
		assertThat(this.browser.text("#payments-eur"))
				.isEqualTo("You paid EUR 9.00 this month; Stripe's fee was EUR 0.39.");
		assertThat(this.browser.text("main")).contains("Newsstand keeps EUR 2.58 to run the service.");
		Map<String, String> split = rows("#payouts-split-eur tbody tr");
		assertThat(split).containsExactly(Map.entry("Daily Ledger", "EUR 4.02"), Map.entry("Harbour Post", "EUR 2.01"));
		BigDecimal publishers = split.values().stream().map(amount -> new BigDecimal(amount.substring(4)))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(publishers.add(new BigDecimal("2.58"))).isEqualByComparingTo("8.61");
		assertThat(this.browser.find("#payouts-reading").getText()).contains("Daily Ledger: 2 articles",
				"Harbour Post: 1 article");
	}

	private void strangerAndNonMemberSeeNoAmounts(String month) {
		String csv = "/operator/payouts/" + month + ".csv";
		this.browser.deleteCookies();
		for (String path : new String[]{"/account/payouts", "/operator/payouts", csv}) {
			this.browser.go(path);
			assertThat(this.browser.path()).as("a stranger at " + path).startsWith("/signin");
			assertThat(this.browser.text("main")).doesNotContain("EUR", "Harbour Post");
		}

		String email = uniqueEmail("payouts-nonmember");
		new SiteClient("http://localhost:" + this.port).signUp(email, PASSWORD);
		signIn(email);
		this.browser.go("/account/payouts");
		assertThat(this.browser.text("#payouts-none")).startsWith("No membership payment this month yet");
		assertThat(this.browser.text("main")).doesNotContain("EUR").doesNotContain("Harbour Post");
		this.browser.go("/operator/payouts");
		assertThat(this.browser.text("body")).doesNotContain("Harbour Post").doesNotContain("Payouts for");
		Map<String, Object> fetched = fetch(csv);
		assertThat(fetched.get("status")).as("a non-member downloading the CSV").isEqualTo(403L);
		assertThat((String) fetched.get("body")).doesNotContain(this.harbour);
		this.browser.deleteCookies();
	}

	private void operatorSeesTheMonthAndDownloadsTheCsv(String month) {
		SiteClient site = new SiteClient("http://localhost:" + this.port);
		String email = uniqueEmail("payouts-operator");
		site.signUp(email, PASSWORD);
		String id = this.accounts.findByEmail(email).orElseThrow().id();
		this.redis.opsForHash().put(WebKeys.account(id), "roles", "READER,ADMIN");
		signIn(email);

		this.browser.go("/operator/payouts?month=" + month);
		assertThat(this.browser.text("h1")).isEqualTo("Payouts for " + month);
		assertThat(this.browser.text("#state")).startsWith("This month is still open");
		List<String> harbourRow = cells("#publishers tbody tr", "Harbour Post");
		// Reads and readers are this test's reader's alone; the amount is their 2.01
		// plus any share of the pool of other tests' members who read nothing.
		assertThat(harbourRow.subList(0, 3)).containsExactly("Harbour Post", "1", "1");
		assertThat(new BigDecimal(harbourRow.get(3))).isGreaterThanOrEqualTo(new BigDecimal("2.01"));
		assertThat(harbourRow.get(4)).isEqualTo("eur");
		List<String> ledgerRow = cells("#publishers tbody tr", "Daily Ledger");
		assertThat(Long.parseLong(ledgerRow.get(1))).as("reads").isGreaterThanOrEqualTo(3);
		assertThat(Long.parseLong(ledgerRow.get(2))).as("readers").isGreaterThanOrEqualTo(2);
		this.browser.assertAccessible();
		this.browser.screenshot("payouts-2-operator");

		Map<String, Object> fetched = fetch("/operator/payouts/" + month + ".csv");
		assertThat(fetched.get("status")).isEqualTo(200L);
		assertThat((String) fetched.get("type")).startsWith("text/csv");
		String body = (String) fetched.get("body");
		assertThat(body).startsWith("publisher,publisher_name,reads,readers,amount,currency\r\n")
				.contains("\r\n" + this.harbour + ",Harbour Post,1,1," + harbourRow.get(3) + ",eur\r\n")
				.contains("\r\n" + FakeArticles.PAID_PUBLISHER + ",Daily Ledger," + ledgerRow.get(1) + ","
						+ ledgerRow.get(2) + "," + ledgerRow.get(3) + ",eur\r\n");
		assertCsvAddsUpToTheTotals(body);
		pickTheMonthBeforeAndComeBack(month);
	}

	/**
	 * A page of the site: its navigation, and a month picker that shows another
	 * month.
	 */
	private void pickTheMonthBeforeAndComeBack(String month) {
		assertThat(this.browser.text("header nav[aria-label='Your account']")).contains("Operator", "Sign out");
		String previous = YearMonth.parse(month).minusMonths(1).toString();
		this.browser.driver().executeScript("document.getElementById('payouts-month').value = arguments[0]", previous);
		this.browser.click(".payouts-month button[type=submit]");
		assertThat(this.browser.path()).isEqualTo("/operator/payouts?month=" + previous);
		assertThat(this.browser.text("h1")).isEqualTo("Payouts for " + previous);
		assertThat(this.browser.text("#state")).startsWith("Closed: this statement is frozen");
		this.browser.click("#payouts-next");
		assertThat(this.browser.text("h1")).isEqualTo("Payouts for " + month);
	}

	/** The CSV's euro amounts add up to the page's total paid to publishers. */
	private void assertCsvAddsUpToTheTotals(String csv) {
		BigDecimal sum = csv.lines().skip(1).map(line -> line.split(","))
				.filter(cells -> cells[cells.length - 1].equals("eur"))
				.map(cells -> new BigDecimal(cells[cells.length - 2])).reduce(BigDecimal.ZERO, BigDecimal::add);
		List<String> eur = cells("#totals tbody tr", "eur");
		assertThat(sum).isEqualByComparingTo(eur.get(3));
		assertThat(new BigDecimal(eur.get(2)).add(new BigDecimal(eur.get(3)))).as("platform + publishers = net revenue")
				.isEqualByComparingTo(eur.get(1));
	}

	private String otherPayingMemberReadsDailyLedger() {
		SiteClient other = new SiteClient("http://localhost:" + this.port);
		String email = uniqueEmail("payouts-other");
		other.signUp(email, PASSWORD);
		other.startTrial("monthly", "4242424242424242");
		assertThat(other.submit("/account", "/account/membership/end-trial").statusCode()).isEqualTo(302);
		assertThat(other.get("/articles/paid-5").body()).contains(FakeArticles.secret("paid-5"));
		assertThat(other.get("/account/payouts").body()).contains("Daily Ledger</td><td>EUR 6.03");
		return this.accounts.findByEmail(email).orElseThrow().id();
	}

	private void subscribeMonthlyAndStartPaying() {
		payMonthlyInHostedCheckout();
		assertThat(this.browser.text("h1")).isEqualTo("Welcome to Newsstand");
		this.browser.go("/account");
		this.browser.click("#membership-end-trial");
		assertThat(this.browser.text("#membership-headline")).startsWith("You are a member on the");
	}

	private void read(String path, String secret) {
		this.browser.go(path);
		assertThat(this.browser.text("main")).contains(secret);
	}

	private void signIn(String email) {
		this.browser.go("/signin");
		this.browser.type("#email", email);
		this.browser.type("#password", PASSWORD);
		this.browser.click("main button[type=submit]");
	}

	/**
	 * Fetches a path in the browser's session (its cookies), as a download does.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Object> fetch(String path) {
		return (Map<String, Object>) this.browser.driver().executeAsyncScript(
				"var done = arguments[arguments.length - 1]; fetch(arguments[0], {redirect: 'manual'})"
						+ ".then(r => r.text().then(t => done({status: r.status, type: r.headers.get('content-type')"
						+ " || '', body: t})))",
				path);
	}

	private Map<String, String> rows(String css) {
		Map<String, String> rows = new LinkedHashMap<>();
		for (WebElement row : this.browser.driver().findElements(By.cssSelector(css))) {
			List<WebElement> cells = row.findElements(By.tagName("td"));
			rows.put(cells.get(0).getText(), cells.get(1).getText());
		}
		return rows;
	}

	private List<String> cells(String rowsCss, String first) {
		return this.browser.driver().findElements(By.cssSelector(rowsCss)).stream()
				.map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
				.filter(cells -> cells.get(0).equals(first)).findFirst()
				.orElseThrow(() -> new AssertionError("No row " + first + " in " + this.browser.text("body")));
	}

}
