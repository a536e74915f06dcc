package io.newsstand.web.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.newsstand.aggregator.ArticleImage;
import io.newsstand.aggregator.Articles;
import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteTest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reader's browser fetches no picture from a publisher: the pictures inside
 * an article's body come through the image proxy, and the page's policy allows
 * pictures from this site only.
 */
class BodyImagesSiteTest extends SiteTest {

	@Autowired
	Articles articles;

	@Test
	void anArticlesPicturesComeFromThisSiteOnly() {
		String id = "body-images-" + UUID.randomUUID();
		((FakeArticles) this.articles).putFree(id, "Harbour at dawn",
				"<p>The harbour.</p><figure><img src=\"https://cdn.publisher.example/harbour.jpg\" alt=\"Harbour\">"
						+ "<figcaption>Dawn.</figcaption></figure><p>More words.</p>",
				null);
		HttpResponse<String> page = client().get("/articles/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
		String imgSrc = Arrays.stream(csp.split(";")).map(String::strip).filter(d -> d.startsWith("img-src "))
				.findFirst().orElseThrow();
		assertThat(imgSrc).startsWith("img-src 'self'").doesNotContain("https").doesNotContain("data:")
				.doesNotContain("*.");
		Element body = Jsoup.parse(page.body()).selectFirst(".article-body");
		assertThat(body.select("img")).singleElement()
				.satisfies(img -> assertThat(img.attr("src")).startsWith("/img/"));
		assertThat(Jsoup.parse(page.body()).select("img[src]"))
				.allSatisfy(img -> assertThat(img.attr("src")).startsWith("/"));
		assertThat(page.body()).doesNotContain("src=\"https://cdn.publisher.example");
		// The proxied address answers with the picture's bytes (or a clear error),
		// never
		// a redirect to the publisher.
		HttpResponse<String> picture = client().get(body.selectFirst("img").attr("src"));
		assertThat(picture.statusCode()).isNotIn(301, 302, 303, 307, 308);
		((FakeArticles) this.articles).remove(id);
	}

	@Test
	void theApiAnswersTheSameProxiedPicturesAsThePage() {
		String id = "api-images-" + UUID.randomUUID();
		((FakeArticles) this.articles).putFree(id, "Harbour at noon",
				"<p>The harbour.</p><img src=\"https://cdn.publisher.example/noon.jpg\" alt=\"Harbour\"><p>More.</p>",
				new ArticleImage("https://cdn.publisher.example/lead.jpg", "The quay", "A. Photographer"));
		HttpResponse<String> api = client().get("/api/v1/articles/" + id);
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.body()).doesNotContain("src=\\\"https://cdn.publisher.example");
		Element body = Jsoup.parse(JsonPath.read(api.body(), "$.body").toString()).body();
		assertThat(body.select("img")).singleElement()
				.satisfies(img -> assertThat(img.attr("src")).startsWith("/img/"));
		assertThat(JsonPath.<String>read(api.body(), "$.image.url"))
				.isEqualTo("https://cdn.publisher.example/lead.jpg");
		assertThat(JsonPath.<String>read(api.body(), "$.image.src")).startsWith("/img/");
		assertThat(JsonPath.<String>read(api.body(), "$.image.srcset")).contains("/img/").doesNotContain("https://");
		((FakeArticles) this.articles).remove(id);
	}

	@Test
	void anEmbeddedVideoIsAPlayButtonUntilTheReaderAsksAndThePolicyFramesOnlyVideoPlayers() {
		String id = "video-" + UUID.randomUUID();
		((FakeArticles) this.articles).putFree(id, "Harbour in motion",
				"<p>The harbour.</p><iframe src=\"https://www.youtube.com/embed/abc123?start=5\" title=\"The quay\" "
						+ "width=\"560\" height=\"315\" loading=\"lazy\"></iframe><p>More.</p>",
				null);
		HttpResponse<String> page = client().get("/articles/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		Element body = Jsoup.parse(page.body()).selectFirst(".article-body");
		assertThat(body.select("iframe")).as("no player loads before the reader asks").isEmpty();
		Element play = body.selectFirst("figure.video-embed a.video-play");
		assertThat(play).isNotNull();
		assertThat(play.attr("data-embed")).isEqualTo("https://www.youtube-nocookie.com/embed/abc123?start=5");
		assertThat(play.text()).isEqualTo("Play video from youtube.com: The quay");
		assertThat(Jsoup.parse(page.body()).select("script[src]"))
				.anySatisfy(script -> assertThat(script.attr("src")).contains("/js/videos"));

		String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
		String frameSrc = Arrays.stream(csp.split(";")).map(String::strip).filter(d -> d.startsWith("frame-src "))
				.findFirst().orElseThrow();
		assertThat(frameSrc.split(" ")).contains("https://www.youtube-nocookie.com", "https://player.vimeo.com")
				.allSatisfy(source -> assertThat(source).doesNotContain("*").isNotEqualTo("https:"));

		// The API's body is the page's.
		String api = JsonPath.read(client().get("/api/v1/articles/" + id).body(), "$.body");
		assertThat(api).doesNotContain("<iframe").contains("youtube-nocookie.com/embed/abc123");
		((FakeArticles) this.articles).remove(id);
	}

}
