package io.newsstand.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The installable app in Chromium, taken offline by cutting a relay between the
 * browser and the app ({@link NetworkSwitch}): a member's front page and saved
 * article open in full without a connection, other pages show the offline page,
 * and after sign-out the device holds nothing of theirs for the next person.
 */
@ResourceLock(SiteTest.CLOCK)
@Isolated
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfflineBrowserTest extends SiteTest {

	private static final String PASSWORD = "orchard pewter signal";

	private static final String SAVED = "paid-5";

	private NetworkSwitch network;

	private Browser browser;

	@BeforeAll
	void open() {
		this.network = NetworkSwitch.to(this.port);
		this.browser = Browser.open("http://localhost:" + this.network.port());
	}

	@AfterAll
	void close() {
		if (this.browser != null) {
			this.browser.close();
		}
		if (this.network != null) {
			this.network.close();
		}
	}

	@Test
	void aMembersFrontPageAndSavedArticleOpenOfflineAndAreGoneAfterSignOut() {
		signInAsMemberWhoSaved(SAVED);

		// Installable: a manifest, and a service worker that controls the page.
		this.browser.go("/");
		assertThat(String.valueOf(script("return document.querySelector('link[rel=manifest]').href")))
				.endsWith("/manifest.webmanifest");
		this.browser.go("/saved");
		waitFor("the service worker controls the page", "return navigator.serviceWorker.controller !== null");
		// The first controlled pages: the saved page asks the worker to keep the saved
		// articles, the front page is kept as it is fetched.
		this.browser.go("/saved");
		this.browser.go("/");
		waitFor("the saved article is kept on the device", cached("/articles/" + SAVED));
		// The worker keeps the list of saved articles after the articles themselves:
		// the offline page lists what that list names.
		waitFor("the saved list is kept on the device", cached("/offline/saved"));
		waitFor("the front page is kept on the device", cached("/"));
		assertThat(keptUrls()).as("no API answer is kept").noneMatch(url -> url.contains("/api/"));

		this.network.offline();
		this.browser.go("/articles/" + SAVED);
		assertThat(this.browser.text("main")).as("the saved article, in full, offline")
				.contains(FakeArticles.secret(SAVED));
		this.browser.go("/");
		assertThat(this.browser.find("html").getAttribute("data-theme")).isNotNull();
		assertThat(this.browser.driver().getTitle()).startsWith("Front page");
		this.browser.go("/sections");
		assertThat(this.browser.text("main")).contains("You are offline");
		waitFor("the offline page lists the saved article",
				"return document.getElementById('offline-list').textContent.includes('Headline of " + SAVED + "')");
		this.browser.assertAccessible();
		this.browser.screenshot("offline-page");

		this.network.online();
		this.browser.go("/");
		this.browser.click("form[action='/signout'] button");
		waitFor("a worker controls the signed-out page again", "return navigator.serviceWorker.controller !== null");
		assertThat(keptUrls()).as("nothing of the member's is left on the device")
				.noneMatch(url -> url.contains("/articles/")).noneMatch(url -> url.endsWith("/offline/saved"));

		this.network.offline();
		this.browser.go("/articles/" + SAVED);
		assertThat(this.browser.text("main")).contains("You are offline").doesNotContain(FakeArticles.secret(SAVED));
		this.network.online();
	}

	@Test
	void settingsChangeThePagesOfThatAccountOnly() {
		SiteClient reader = client();
		reader.signUp(uniqueEmail("settings"), PASSWORD);
		this.browser.go("/favicon.ico");
		this.browser.deleteCookies();
		this.browser.driver().manage().addCookie(new Cookie.Builder("SESSION", reader.cookie("SESSION").orElseThrow())
				.path("/").isHttpOnly(true).build());
		this.browser.go("/settings");
		this.browser.assertAccessible();
		String lightBackground = background();
		String normalSize = rootFontSize();
		this.browser.find("input[name=theme][value=dark]").click();
		this.browser.find("input[name=textSize][value=larger]").click();
		this.browser.click("form.settings-form button[type=submit]");
		assertThat(this.browser.text("main")).contains("Saved.");
		assertThat(background()).isEqualTo("rgb(18, 18, 18)").isNotEqualTo(lightBackground);
		assertThat(Double.parseDouble(rootFontSize().replace("px", "")))
				.isGreaterThan(Double.parseDouble(normalSize.replace("px", "")));
		this.browser.assertAccessible();
		this.browser.screenshot("settings-dark-larger");

		// Another reader on the same browser: the device's theme and the default size.
		this.browser.deleteCookies();
		this.browser.go("/");
		assertThat(this.browser.find("html").getAttribute("data-theme")).isEqualTo("system");
		assertThat(rootFontSize()).isEqualTo(normalSize);
	}

	private String background() {
		return String.valueOf(script("return getComputedStyle(document.body).backgroundColor"));
	}

	private String rootFontSize() {
		return String.valueOf(script("return getComputedStyle(document.documentElement).fontSize"));
	}

	/**
	 * Sign-up, membership and the saved article over HTTP; the session cookie is
	 * then handed to the browser (cookies belong to the host, not its port).
	 */
	private void signInAsMemberWhoSaved(String article) {
		SiteClient member = client();
		member.signUp(uniqueEmail("offline"), PASSWORD);
		member.startTrial("monthly", "4242424242424242");
		member.get("/");
		assertThat(member.post("/saved", member.withCsrf("article", article, "action", "save", "next", "/saved"))
				.statusCode()).isEqualTo(302);
		this.browser.go("/favicon.ico");
		this.browser.driver().manage().addCookie(new Cookie.Builder("SESSION", member.cookie("SESSION").orElseThrow())
				.path("/").isHttpOnly(true).build());
	}

	private static String cached(String path) {
		return "return caches.open('newsstand-personal').then(c => c.match('" + path + "')).then(r => r !== undefined)";
	}

	@SuppressWarnings("unchecked")
	private List<String> keptUrls() {
		return (List<String>) script("""
				return caches.keys().then(names => Promise.all(names.map(name => caches.open(name)
				  .then(cache => cache.keys()).then(requests => requests.map(r => r.url))))).then(lists => lists.flat())
				""");
	}

	private Object script(String js) {
		return this.browser.driver().executeScript(js);
	}

	private void waitFor(String what, String js) {
		Function<WebDriver, Boolean> condition = driver -> Boolean.TRUE.equals(script(js));
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(20)).withMessage(what).until(condition);
	}

}
