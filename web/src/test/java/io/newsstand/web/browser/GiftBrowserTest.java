package io.newsstand.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Gift articles in real browsers: a member starts a trial, gifts an article
 * from its page and copies the link from "Your gifts"; a fresh browser, with no
 * account and no cookie, opens the link and reads the whole article, then sees
 * only the teaser of another. Pages are checked with axe-core; screenshots go
 * to web/target/screenshots.
 */
@ResourceLock(SiteTest.CLOCK)
@Isolated
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GiftBrowserTest extends BrowserSiteTest {

	@Test
	void aMemberGiftsAnArticleAndAFreshBrowserReadsItInFull() {
		this.browser.go("/signup?next=%2Fmembership");
		signUpAndConfirm(uniqueEmail("gift-browser"), "lantern orchard copper");
		payMonthlyInHostedCheckout();
		assertThat(this.browser.text("h1")).isEqualTo("Welcome to Newsstand");

		this.browser.go("/articles/paid-3");
		assertThat(this.browser.text("#gift-heading")).isEqualTo("Gift this article");
		this.browser.type("#gift-from", "Alex");
		this.browser.click("#gift-create");
		assertThat(this.browser.path()).startsWith("/gifts?given=");
		assertThat(this.browser.text("#given-heading")).isEqualTo("Your gift link is ready");
		assertThat(this.browser.text("#gift-allowance")).isEqualTo("9 of 10 gifts left this month.");
		this.browser.assertAccessible();
		this.browser.screenshot("gift-1-link-ready");
		String link = this.browser.find("#gift-link").getDomProperty("value");
		assertThat(link).matches("http://localhost:\\d+/gift/[A-Za-z0-9_-]{43}");

		try (Browser fresh = Browser.open("http://localhost:" + this.port)) {
			fresh.driver().get(link);
			assertThat(fresh.text("#gift-notice")).startsWith("Alex gifted you this article");
			assertThat(fresh.text("main")).contains(FakeArticles.secret("paid-3"));
			assertThat(fresh.text(".masthead")).contains("Sign in");
			fresh.assertAccessible();
			fresh.screenshot("gift-2-recipient-reads");
			fresh.click("#join-box a.button");
			assertThat(fresh.path()).startsWith("/signup");
			fresh.go("/articles/paid-4");
			assertThat(fresh.text("main")).doesNotContain(FakeArticles.secret("paid-4"));
		}

		this.browser.go("/gifts");
		this.browser.click(".gift-list form button");
		assertThat(this.browser.path()).isEqualTo("/gifts?revoked");
		try (Browser fresh = Browser.open("http://localhost:" + this.port)) {
			fresh.driver().get(link);
			assertThat(fresh.text("#gift-notice")).contains("no longer works");
			assertThat(fresh.text("main")).doesNotContain(FakeArticles.secret("paid-3"));
			fresh.assertAccessible();
			fresh.screenshot("gift-3-revoked");
		}
	}

}
