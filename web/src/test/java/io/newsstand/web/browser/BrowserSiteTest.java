package io.newsstand.web.browser;

import io.newsstand.web.site.SiteTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole app and one real Chromium per test class, opened before its first
 * test and closed after its last. Subclasses keep their own class annotations
 * ({@code @Isolated}: a real browser is timing-sensitive, so nothing else runs
 * beside it on a 2-core machine).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserSiteTest extends SiteTest {

	protected Browser browser;

	@BeforeAll
	void openBrowser() {
		this.browser = Browser.open("http://localhost:" + this.port);
	}

	/**
	 * Fills in the sign-up form the browser is on, opens the verification e-mail in
	 * the development outbox, follows its link and signs in, as a reader does; the
	 * browser is then wherever sign-in leads (the page the reader came from, or the
	 * onboarding picks).
	 */
	protected void signUpAndConfirm(String email, String password) {
		this.browser.type("#email", email);
		this.browser.type("#password", password);
		this.browser.click("main button[type=submit]");
		if (!this.browser.path().startsWith("/signup/sent")) {
			throw new IllegalStateException("Sign-up did not lead to \"check your inbox\": " + this.browser.path());
		}
		this.browser.go("/dev/outbox");
		this.browser.click("article a");
		this.browser.type("#email", email);
		this.browser.type("#password", password);
		this.browser.click("main button[type=submit]");
	}

	/**
	 * From the membership page, chooses the monthly plan and pays in the sandbox's
	 * hosted checkout with a test card that succeeds; the browser is then on the
	 * welcome page.
	 */
	protected void payMonthlyInHostedCheckout() {
		this.browser.go("/membership");
		this.browser.click("#choose-monthly");
		this.browser.type("#cardNumber", "4242 4242 4242 4242");
		this.browser.type("#cardExpiry", "12 / 34");
		this.browser.type("#cardCvc", "123");
		this.browser.click("#submit");
	}

	@AfterAll
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

}
