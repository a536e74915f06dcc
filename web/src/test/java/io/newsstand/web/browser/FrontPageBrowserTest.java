package io.newsstand.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.account.Account;
import io.newsstand.web.account.AccountStore;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person with a real browser switches the edition and, as an editor, picks an
 * article for the front page; every page passes axe-core.
 */
@ResourceLock(SiteTest.CLOCK)
@Isolated
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrontPageBrowserTest extends BrowserSiteTest {

	private static final String PASSWORD = "turquoise lantern orchard";

	@Autowired
	AccountStore accounts;

	@Test
	@Order(1)
	void anAnonymousReaderSwitchesTheEditionAndBrowsesPublishersAndSections() {
		this.browser.go("/");
		assertThat(this.browser.text("h1")).contains("International edition");
		this.browser.assertAccessible();
		this.browser.click("nav.edition-switch a[href^='/edition/UK']");
		assertThat(this.browser.path()).isEqualTo("/");
		assertThat(this.browser.text("h1")).contains("United Kingdom edition");
		this.browser.go("/sections/business");
		assertThat(this.browser.text("h1")).isEqualTo("Business");
		this.browser.assertAccessible();
		this.browser.go("/");
		assertThat(this.browser.text("h1")).as("remembered").contains("United Kingdom edition");
		this.browser.click("nav.news-nav a[href='/publishers']");
		this.browser.assertAccessible();
		this.browser.click("a[href='/publishers/daily-ledger']");
		assertThat(this.browser.text("h1")).contains("Daily Ledger");
		this.browser.assertAccessible();
	}

	@Test
	@Order(2)
	void anEditorPicksAnArticleAndTheFrontPageShowsIt() {
		String email = uniqueEmail("editor");
		new SiteClient("http://localhost:" + this.port).signUp(email, PASSWORD);
		Account account = this.accounts.findByEmail(email).orElseThrow();
		this.accounts.updateRoles(account.id(), Set.of(Account.READER, Account.ADMIN));
		this.browser.deleteCookies();
		this.browser.go("/signin");
		this.browser.type("#email", email);
		this.browser.type("#password", PASSWORD);
		this.browser.click("main button[type=submit]");

		this.browser.click("form.edition-switch button[value='AU']");
		assertThat(this.browser.text("h1")).contains("Australia edition");

		this.browser.go("/articles/paid-2");
		this.browser.assertAccessible();
		this.browser.click(".editor-pick button[type=submit]");
		assertThat(this.browser.path()).isEqualTo("/articles/paid-2");
		this.browser.go("/");
		assertThat(this.browser.text("#our-picks")).contains("Headline of paid-2");
		this.browser.assertAccessible();

		this.browser.go("/editor/picks");
		this.browser.assertAccessible();
		this.browser.click("form[action$='/unpick'] button");
		assertThat(this.browser.text("main")).contains("no longer picked");
		this.browser.go("/");
		assertThat(this.browser.driver().findElements(By.id("our-picks"))).isEmpty();
	}

}
