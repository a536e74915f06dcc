package io.newsstand.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The personal space in a real browser, without script: onboarding picks, "For
 * you", follow and save buttons on an article, the saved, history and following
 * pages, each checked with axe-core. Screenshots go to web/target/screenshots.
 */
@ResourceLock(SiteTest.CLOCK)
@Isolated
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalBrowserTest extends BrowserSiteTest {

	@Test
	void aNewReaderPicksFollowsReadsSavesAndClearsTheirHistory() {
		this.browser.go("/signup");
		signUpAndConfirm(uniqueEmail("personal"), "harbour lantern velvet");
		assertThat(this.browser.path()).isEqualTo("/start");
		this.browser.assertAccessible();
		this.browser.screenshot("personal-start");

		this.browser.find("#pick-publisher-" + FakeArticles.FREE_PUBLISHER).click();
		this.browser.click("form[action='/start'] button[type=submit]");
		assertThat(this.browser.path()).isEqualTo("/for-you");
		assertThat(this.browser.text("#for-you-list")).contains("Because you follow Open Gazette");
		this.browser.assertAccessible();
		this.browser.screenshot("personal-for-you");

		this.browser.go("/articles/paid-1");
		this.browser.click("form.personal-follow:has(input[name=kind][value=section]) button");
		assertThat(this.browser.path()).isEqualTo("/articles/paid-1");
		this.browser.click("form.personal-save button");
		assertThat(this.browser.text(".personal-actions")).contains("Unfollow Business", "Remove from saved");
		this.browser.assertAccessible();
		this.browser.screenshot("personal-article-buttons");

		this.browser.go("/saved");
		assertThat(this.browser.text("#saved-list")).contains("Headline of paid-1");
		this.browser.assertAccessible();

		this.browser.go("/following");
		assertThat(this.browser.text("#my-follows")).contains("Open Gazette", "Business");
		this.browser.assertAccessible();
		this.browser.screenshot("personal-following");

		this.browser.go("/history");
		assertThat(this.browser.text("#history-list")).contains("Headline of paid-1");
		this.browser.assertAccessible();
		this.browser.find("#confirm-clear").click();
		this.browser.click("form[action='/history/clear'] button");
		assertThat(this.browser.text("main")).contains("Your reading history is cleared");
		this.browser.assertAccessible();
	}

}
