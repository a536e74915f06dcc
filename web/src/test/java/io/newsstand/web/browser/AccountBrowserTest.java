package io.newsstand.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.SiteTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A person with a real browser: signs up, confirms the address from the e-mail,
 * signs in, signs out, forgets the password, resets it from the e-mail, signs
 * in again; every page passes axe-core and works at 360 px.
 */
@ResourceLock(SiteTest.CLOCK)
// A real browser is timing-sensitive: nothing else runs beside it (2-core CI
// machines).
@Isolated
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountBrowserTest extends BrowserSiteTest {

	private static final String PASSWORD = "saffron pelican mosaic";

	private final String email = uniqueEmail("browser");

	@Test
	@Order(1)
	void anonymousPagesAreAccessibleAndShowTheSandboxBanner() {
		this.browser.go("/");
		assertThat(this.browser.text(".sandbox-banner")).contains("Payments are simulated");
		this.browser.assertAccessible();
		this.browser.screenshot("front-page");
		this.browser.go("/signin");
		this.browser.assertAccessible();
		this.browser.go("/no-such-page");
		assertThat(this.browser.text("h1")).isEqualTo("Page not found");
		this.browser.assertAccessible();
		this.browser.screenshot("not-found");
	}

	@Test
	@Order(2)
	void aReaderSignsUpOnAPhoneSizedScreen() {
		this.browser.resize(360, 740);
		this.browser.go("/signup");
		this.browser.type("#password", "short");
		this.browser.type("#email", this.email);
		this.browser.click("main button[type=submit]");
		assertThat(this.browser.text("#password-error")).isEqualTo("Use at least 10 characters.");
		this.browser.assertAccessible();
		this.browser.screenshot("sign-up-refused-360px");
		this.browser.type("#password", PASSWORD);
		this.browser.click("main button[type=submit]");
		assertThat(this.browser.path()).startsWith("/signup/sent");
		assertThat(this.browser.text("#signup-sent")).contains("We sent an e-mail to " + this.email);
		this.browser.assertAccessible();
		// The reader opens the verification e-mail and follows its link, then signs in.
		this.browser.go("/dev/outbox");
		this.browser.click("article a");
		assertThat(this.browser.path()).isEqualTo("/signin?verified&next=%2Fstart");
		assertThat(this.browser.text("main")).contains("Your e-mail address is confirmed");
		this.browser.assertAccessible();
		this.browser.type("#email", this.email);
		this.browser.type("#password", PASSWORD);
		this.browser.click("main button[type=submit]");
		assertThat(this.browser.path()).isEqualTo("/start");
		this.browser.assertAccessible();
		this.browser.click("#skip-start");
		assertThat(this.browser.path()).isEqualTo("/account?welcome");
		assertThat(this.browser.text("main")).contains("Signed in as " + this.email);
		this.browser.assertAccessible();
		this.browser.screenshot("account-360px");
		this.browser.resize(1280, 900);
	}

	@Test
	@Order(3)
	void theReaderSignsOutAndResetsAForgottenPassword() {
		this.browser.go("/account");
		this.browser.click(".account-nav button");
		assertThat(this.browser.text("main")).contains("You are signed out.");
		this.browser.go("/signin");
		this.browser.click("a[href='/password-reset']");
		this.browser.type("#email", this.email);
		this.browser.click("main button[type=submit]");
		assertThat(this.browser.text("main")).contains("If an account uses " + this.email);

		this.browser.go("/dev/outbox");
		this.browser.assertAccessible();
		this.browser.click("article a");
		this.browser.type("#password", "new saffron pelican");
		this.browser.click("main button[type=submit]");
		assertThat(this.browser.text("main")).contains("Your new password is saved");

		this.browser.type("#email", this.email);
		this.browser.type("#password", "new saffron pelican");
		this.browser.click("main button[type=submit]");
		this.browser.go("/account");
		assertThat(this.browser.text("main")).contains("Signed in as " + this.email);
	}

	@Test
	@Order(4)
	void signInFromAPageReturnsToIt() {
		this.browser.deleteCookies();
		this.browser.go("/account");
		assertThat(this.browser.path()).isEqualTo("/signin?next=%2Faccount");
		this.browser.type("#email", this.email);
		this.browser.type("#password", "new saffron pelican");
		this.browser.click("main button[type=submit]");
		assertThat(this.browser.path()).isEqualTo("/account");
	}

}
