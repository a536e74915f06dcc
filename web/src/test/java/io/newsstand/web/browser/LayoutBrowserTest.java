package io.newsstand.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.account.Account;
import io.newsstand.web.account.AccountStore;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Phone first, measured in Chromium: every page fits 320, 360, 768 and 1280 px
 * without sideways scrolling (with the menu closed and open), at 360 px the
 * header with its banner takes at most a quarter of the screen, every control a
 * finger uses is at least 44 px, and axe passes on phone and desktop. Saves the
 * screenshots the README shows.
 */
@ResourceLock(SiteTest.CLOCK)
@Isolated
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LayoutBrowserTest extends BrowserSiteTest {

	private static final List<Integer> WIDTHS = List.of(320, 360, 768, 1280);

	private static final int PHONE_HEIGHT = 640;

	private static final String PASSWORD = "copper meadow lighthouse";

	/**
	 * Controls a finger taps (links inside running text are exempt, as in WCAG).
	 */
	private static final String TAPPABLE = ".masthead a, .masthead button, .masthead label, "
			+ ".masthead input:not([type=hidden]), main button, main a.button, main select, main summary, "
			+ "main input:not([type=hidden]):not([type=checkbox]):not([type=radio]), .card a.card-link";

	@Autowired
	AccountStore accounts;

	@Test
	@Order(1)
	void everyPublicPageFitsEveryWidth() {
		for (String page : List.of("/", "/articles/paid-1", "/sections", "/sections/business", "/publishers",
				"/publishers/daily-ledger", "/search?q=ferry", "/signin", "/signup", "/membership")) {
			this.browser.go(page);
			assertFits(page);
		}
		this.browser.go("/");
		shoot("home");
		this.browser.go("/articles/paid-1");
		shoot("article");
	}

	@Test
	@Order(2)
	void everySignedInPageFitsEveryWidthUpToCheckoutAndPortal() {
		String email = uniqueEmail("layout");
		new SiteClient("http://localhost:" + this.port).signUp(email, PASSWORD);
		Account account = this.accounts.findByEmail(email).orElseThrow();
		this.accounts.updateRoles(account.id(), Set.of(Account.READER, Account.ADMIN));
		viewport(1280, 900);
		this.browser.deleteCookies();
		this.browser.go("/signin");
		this.browser.type("#email", email);
		this.browser.type("#password", PASSWORD);
		this.browser.click("main button[type=submit]");
		for (String page : List.of("/account", "/for-you", "/saved", "/history", "/following", "/operator",
				"/operator/feeds", "/membership")) {
			this.browser.go(page);
			assertFits(page);
		}
		viewport(1280, 900);
		this.browser.click("#choose-monthly");
		assertFits("hosted checkout");
		viewport(1280, 900);
		this.browser.type("#cardNumber", "4242 4242 4242 4242");
		this.browser.type("#cardExpiry", "12 / 34");
		this.browser.type("#cardCvc", "123");
		this.browser.click("#submit");
		this.browser.go("/account");
		this.browser.click("#membership-portal");
		assertFits("billing portal");
	}

	/** The page at every width: no sideways scroll, a short header, big targets. */
	private void assertFits(String page) {
		for (int width : WIDTHS) {
			viewport(width, width < 768 ? PHONE_HEIGHT : 900);
			assertThat(number("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
					.as("%s scrolls sideways at %d px: %s", page, width, overflowing()).isLessThanOrEqualTo(0);
			if (width == 360) {
				assertThat(number("var h = document.querySelector('header'); "
						+ "return h ? Math.ceil(h.getBoundingClientRect().bottom + window.scrollY) : 0"))
						.as("%s: header height at 360 x %d", page, PHONE_HEIGHT).isLessThanOrEqualTo(PHONE_HEIGHT / 4);
				this.browser.assertAccessible();
			}
			setMenuOpen(true);
			assertThat(number("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
					.as("%s scrolls sideways at %d px with the menu open: %s", page, width, overflowing())
					.isLessThanOrEqualTo(0);
			assertThat(smallTargets()).as("%s: controls under 44 px at %d px", page, width).isEmpty();
			setMenuOpen(false);
		}
		this.browser.assertAccessible();
	}

	/** The elements that stick out on the right, to say what to fix. */
	private Object overflowing() {
		return this.browser.driver()
				.executeScript("var w = document.documentElement.clientWidth; "
						+ "return Array.from(document.querySelectorAll('body *')).filter(function (e) { "
						+ "return e.getBoundingClientRect().right > w + 0.5; }).slice(-3).map(function (e) { "
						+ "return Math.round(e.getBoundingClientRect().right) + ' ' + e.outerHTML.slice(0, 120); });");
	}

	@SuppressWarnings("unchecked")
	private List<String> smallTargets() {
		return (List<String>) this.browser.driver().executeScript("return Array.from(document.querySelectorAll(\""
				+ TAPPABLE + "\")).filter(function (e) { var r = e.getBoundingClientRect(); "
				+ "return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden' "
				+ "&& !e.closest('.visually-hidden') && (r.width < 44 || r.height < 44); })"
				+ ".map(function (e) { var r = e.getBoundingClientRect(); "
				+ "return Math.round(r.width) + 'x' + Math.round(r.height) + ' ' + e.outerHTML.slice(0, 100); });");
	}

	private void setMenuOpen(boolean open) {
		this.browser.driver().executeScript(
				"var t = document.getElementById('site-menu-toggle'); if (t) { t.checked = " + open + "; }");
	}

	private long number(String script) {
		return ((Number) this.browser.driver().executeScript(script)).longValue();
	}

	private void viewport(int width, int height) {
		this.browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
	}

	/** Desktop and phone screenshots of the current page, for the README. */
	private void shoot(String name) {
		viewport(1280, 900);
		this.browser.screenshotTo(DOCS_SCREENSHOTS, name + "-desktop-1280");
		viewport(360, 740);
		this.browser.screenshotTo(DOCS_SCREENSHOTS, name + "-phone-360");
		viewport(1280, 900);
	}

	/** The README's pictures, in the project's docs (the tests run in web/). */
	private static final Path DOCS_SCREENSHOTS = Path.of("..", "docs", "screenshots");

}
