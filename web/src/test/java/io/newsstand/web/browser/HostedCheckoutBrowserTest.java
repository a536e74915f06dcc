package io.newsstand.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sandbox's hosted checkout as Stripe's, in Chromium: the order summary
 * beside the payment form on a desktop and above it on a phone, the card number
 * grouped in fours with its brand shown as it is typed, a processing state on
 * submit, a declined card said beside the number (the rest of the form kept,
 * the membership not started), and a good card bringing the reader back, signed
 * in, to the host they came through (127.0.0.1 here, not localhost).
 */
@ResourceLock(SiteTest.CLOCK)
@Isolated
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostedCheckoutBrowserTest extends BrowserSiteTest {

	private static final String PASSWORD = "juniper compass harbour";

	private long number(String script) {
		return ((Number) this.browser.driver().executeScript(script)).longValue();
	}

	private String summaryAgainstForm() {
		return (String) this.browser.driver()
				.executeScript("var s = document.querySelector('.summary').getBoundingClientRect(); "
						+ "var p = document.querySelector('.pay').getBoundingClientRect(); "
						+ "if (s.right <= p.left && s.top < p.bottom && p.top < s.bottom) { return 'beside'; } "
						+ "if (s.bottom <= p.top) { return 'above'; } return 'overlapping'; ");
	}

	@Test
	void aDeclinedCardIsSaidInlineAndAGoodCardBringsTheReaderBackSignedIn() {
		String base = "http://127.0.0.1:" + this.port;
		String email = uniqueEmail("hosted");
		new SiteClient(base).signUp(email, PASSWORD);
		this.browser.resize(1280, 900);
		this.browser.driver().get(base + "/signin");
		this.browser.type("#email", email);
		this.browser.type("#password", PASSWORD);
		this.browser.click("main button[type=submit]");
		this.browser.driver().get(base + "/membership");
		this.browser.click("#choose-monthly");
		String checkout = this.browser.driver().getCurrentUrl();
		assertThat(checkout).startsWith(base + "/sandbox/stripe/checkout/cs_test_");

		assertThat(summaryAgainstForm()).as("at 1280 px").isEqualTo("beside");
		assertThat(this.browser.text(".summary")).contains("Newsstand Membership", "Total due today", "€0.00");
		this.browser.resize(360, 640);
		assertThat(summaryAgainstForm()).as("at 360 px").isEqualTo("above");
		assertThat(number("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
				.isLessThanOrEqualTo(0);
		this.browser.resize(1280, 900);

		// Grouped in fours and the brand named while typing, by the page's script.
		this.browser.type("#cardNumber", "4000000000000002");
		assertThat(this.browser.find("#cardNumber").getDomProperty("value")).isEqualTo("4000 0000 0000 0002");
		assertThat(this.browser.text("#cardBrand")).isEqualTo("Visa");
		this.browser.type("#cardExpiry", "1234");
		assertThat(this.browser.find("#cardExpiry").getDomProperty("value")).isEqualTo("12 / 34");
		this.browser.type("#cardCvc", "123");
		this.browser.type("#billingName", "Ada Reader");

		// The processing state, seen by holding the form back after the page's own
		// submit handler has run.
		this.browser.driver().executeScript("document.getElementById('checkout').addEventListener('submit', "
				+ "function (event) { event.preventDefault(); });");
		this.browser.find("#submit").click();
		assertThat(this.browser.find("#submit").getDomProperty("disabled")).isEqualTo("true");
		assertThat(this.browser.text("#submit")).isEqualTo("Processing…");
		this.browser.driver()
				.executeScript("HTMLFormElement.prototype.submit.call(document.getElementById('checkout'));");
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(20))
				.until(driver -> !this.browser.text("#cardNumber-error").isEmpty());
		assertThat(this.browser.text("#cardNumber-error")).isEqualTo("Your card was declined.");
		assertThat(this.browser.find("#cardNumber").getDomProperty("value")).isEmpty();
		assertThat(this.browser.find("#billingName").getDomProperty("value")).isEqualTo("Ada Reader");
		assertThat(this.browser.find("#cardExpiry").getDomProperty("value")).isEqualTo("12 / 34");
		assertThat(this.browser.find("#submit").getDomProperty("disabled")).isEqualTo("false");
		this.browser.assertAccessible();

		this.browser.driver().get(base + "/account");
		assertThat(this.browser.text("main")).doesNotContain("Your free trial ends on");

		this.browser.driver().get(checkout);
		this.browser.type("#cardNumber", "3782 822463 10005");
		assertThat(this.browser.text("#cardBrand")).isEqualTo("American Express");
		assertThat(this.browser.find("#cardNumber").getDomProperty("value")).isEqualTo("3782 822463 10005");
		this.browser.type("#cardNumber", "4242424242424242");
		assertThat(this.browser.text("#cardBrand")).isEqualTo("Visa");
		this.browser.type("#cardExpiry", "12 / 34");
		this.browser.type("#cardCvc", "123");
		this.browser.click("#submit");
		assertThat(this.browser.driver().getCurrentUrl()).startsWith(base + "/membership/welcome");
		assertThat(this.browser.text("h1")).isEqualTo("Welcome to Newsstand");
		assertThat(this.browser.text("#membership-headline")).startsWith("Your free trial ends on");
	}

}
