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

	@AfterAll
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

}
