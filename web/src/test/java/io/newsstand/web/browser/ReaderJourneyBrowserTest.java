package io.newsstand.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.stripesandbox.Sandbox;
import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reader's journey of issue 5 in a real browser: teaser, sign-up, the free
 * meter, a trial through the sandbox's hosted checkout, reading in full,
 * cancelling during the trial, the trial ending; and a reader whose card fails
 * at the trial's end. Screenshots of the key pages go to
 * web/target/screenshots.
 */
@ResourceLock(SiteTest.CLOCK)
// A real browser is timing-sensitive: nothing else runs beside it (2-core CI
// machines).
@Isolated
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReaderJourneyBrowserTest extends BrowserSiteTest {

	private static final String PASSWORD = "harbour lantern velvet";

	@Autowired
	Sandbox sandbox;

	private void read(String id) {
		this.browser.go("/articles/" + id);
	}

	private String main() {
		return this.browser.text("main");
	}

	@Test
	@Order(1)
	void aReaderTrialsCancelsAndSeesTheTrialEnd() throws Exception {
		// An anonymous reader lands on an article from a link and sees only its
		// opening.
		read("paid-1");
		assertThat(main()).contains("Sign up to read this article").doesNotContain(FakeArticles.secret("paid-1"));
		this.browser.assertAccessible();
		this.browser.screenshot("journey-1-anonymous-teaser");

		// Signs up from the join box, confirms the address from the e-mail, signs in
		// and comes back to the article, now open from the meter.
		this.browser.click("#join-box a.button");
		signUpAndConfirm(uniqueEmail("journey"), PASSWORD);
		assertThat(this.browser.path()).isEqualTo("/articles/paid-1");
		assertThat(main()).contains(FakeArticles.secret("paid-1")).contains("Free articles left: 2");
		this.browser.screenshot("journey-2-metered-article");

		// Uses the free meter up.
		read("paid-2");
		read("paid-3");
		read("paid-4");
		assertThat(main()).contains("You have read this month's free articles")
				.doesNotContain(FakeArticles.secret("paid-4"));
		this.browser.assertAccessible();

		// Starts the trial through the sandbox's hosted checkout with the test card.
		this.browser.click("#join-box a.button");
		assertThat(this.browser.path()).isEqualTo("/membership");
		this.browser.assertAccessible();
		this.browser.screenshot("journey-3-plans");
		assertThat(this.browser.text("#choose-monthly")).startsWith("Start my free trial");
		this.browser.click("#choose-monthly");
		assertThat(this.browser.text("body")).contains("Stripe sandbox").contains("14-day free trial");
		this.browser.screenshot("journey-3b-sandbox-checkout");
		this.browser.type("#cardNumber", "4242 4242 4242 4242");
		this.browser.type("#cardExpiry", "12 / 34");
		this.browser.type("#cardCvc", "123");
		this.browser.click("#submit");
		assertThat(this.browser.text("h1")).as(main()).isEqualTo("Welcome to Newsstand");
		assertThat(this.browser.text("#membership-headline")).startsWith("Your free trial ends on");
		this.browser.screenshot("journey-4-welcome");

		// Reads everything, and sees the trial's days left on the account page.
		read("paid-4");
		assertThat(main()).contains(FakeArticles.secret("paid-4"));
		// The test's clock stands still; the sandbox started the trial a few seconds
		// after it was set, at the checkout. Now, 14 days begun are left.
		clock.set(Instant.now());
		this.browser.go("/account");
		assertThat(this.browser.text("#membership-headline")).contains("(14 days left)");
		assertThat(main()).contains("we charge €9.00 for the monthly plan");
		this.browser.assertAccessible();
		this.browser.screenshot("journey-5-account-trialing");

		// Cancels during the trial and still reads.
		this.browser.click("#membership-cancel");
		assertThat(this.browser.text("#membership-headline")).isEqualTo("Your free trial is cancelled.");
		assertThat(main()).contains("You read everything until").contains("You will not be charged again.");
		read("paid-5");
		assertThat(main()).contains(FakeArticles.secret("paid-5"));

		// The sandbox's test clock moves past the trial's end.
		this.browser.go("/account");
		this.browser.click("#membership-portal");
		this.browser.type("#days", "15");
		this.browser.click("#advance-submit");
		assertThat(this.sandbox.awaitDeliveries(Duration.ofSeconds(30))).isTrue();
		this.browser.click("#return");

		// The article is a teaser again and the account page says the trial ended.
		assertThat(this.browser.text("#membership-headline")).startsWith("Your free trial ended on");
		this.browser.screenshot("journey-6-trial-ended");
		read("paid-5");
		assertThat(main()).doesNotContain(FakeArticles.secret("paid-5"))
				.contains("You have read this month's free articles");
	}

	@Test
	@Order(2)
	void aReaderWhoseCardFailsAtTheTrialsEndSeesItAndFixesItInThePortal() throws Exception {
		this.browser.deleteCookies();
		this.browser.go("/signup");
		signUpAndConfirm(uniqueEmail("declined"), PASSWORD);
		this.browser.go("/membership");
		this.browser.click("#choose-monthly");
		this.browser.type("#cardNumber", "4000 0000 0000 0341");
		this.browser.type("#cardExpiry", "12 / 34");
		this.browser.type("#cardCvc", "123");
		this.browser.click("#submit");
		assertThat(this.browser.text("#membership-headline")).startsWith("Your free trial ends on");

		this.browser.go("/account");
		this.browser.click("#membership-portal");
		this.browser.type("#days", "15");
		this.browser.click("#advance-submit");
		assertThat(this.sandbox.awaitDeliveries(Duration.ofSeconds(30))).isTrue();
		this.browser.click("#return");
		// Nothing was ever paid: no grace period (GraceAfterFailedPayment), the way on
		// is a working card.
		assertThat(this.browser.text("#membership-headline"))
				.isEqualTo("Your first payment failed, so your membership has not started.");
		assertThat(main()).contains("Update your card in the billing portal");
		assertThat(this.browser.text("#membership-portal")).isEqualTo("Update your card");
		this.browser.assertAccessible();
		this.browser.screenshot("journey-7-payment-failed");
		read("paid-6");
		assertThat(main()).as("a reader who never paid reads as a non-member (the monthly meter)")
				.contains("Free articles left");

		this.browser.go("/account");
		this.browser.click("#membership-portal");
		this.browser.type("#cardNumber", "4242 4242 4242 4242");
		this.browser.click("#card-submit");
		assertThat(this.browser.text("#card")).contains("4242");
		this.browser.screenshot("journey-8-portal-card-fixed");
	}

}
