package io.newsstand.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Articles;
import io.newsstand.web.site.FakeArticles;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In Chromium: an article's embedded video shows as a play button (no request
 * to the video host on the page's own), and a click puts the no-cookie player
 * in its place, sandboxed, which the page's policy lets frame.
 */
@Isolated
class VideoEmbedBrowserTest extends BrowserSiteTest {

	@Autowired
	Articles articles;

	@Test
	void aClickOnThePlayButtonLoadsThePlayerInItsPlace() {
		String id = "video-" + UUID.randomUUID();
		((FakeArticles) this.articles).putFree(id, "Harbour in motion",
				"<p>The harbour.</p><iframe src=\"https://www.youtube.com/embed/abc123\" title=\"The quay\"></iframe>"
						+ "<p>More words.</p>",
				null);
		try {
			this.browser.go("/articles/" + id);
			assertThat(this.browser.driver().findElements(By.tagName("iframe"))).isEmpty();
			this.browser.assertAccessible();
			this.browser.find("a.video-play").click();
			WebElement player = new WebDriverWait(this.browser.driver(), Duration.ofSeconds(10)).until(driver -> driver
					.findElements(By.cssSelector("figure.video-embed iframe")).stream().findFirst().orElse(null));
			assertThat(player.getAttribute("src")).isEqualTo("https://www.youtube-nocookie.com/embed/abc123");
			assertThat(player.getAttribute("sandbox")).contains("allow-scripts").doesNotContain("allow-top-navigation");
			assertThat(player.getAttribute("title")).isEqualTo("The quay");
			assertThat(this.browser.path()).as("the click stays on the article").isEqualTo("/articles/" + id);
		} finally {
			((FakeArticles) this.articles).remove(id);
		}
	}

}
