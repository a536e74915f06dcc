package io.newsstand.web.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.newsstand.aggregator.ArticleImage;
import io.newsstand.aggregator.Articles;
import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteTest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
	void everyStoryTheApiListsCarriesItsPictureThroughTheProxy() {
		String pictured = "listed-images-" + UUID.randomUUID();
		String plain = "listed-plain-" + UUID.randomUUID();
		FakeArticles fake = (FakeArticles) this.articles;
		fake.putFree(pictured, "Harbour at dusk", "<p>The harbour.</p>",
				new ArticleImage("https://cdn.publisher.example/dusk.jpg", null, null));
		fake.putFree(plain, "Harbour without a picture", "<p>The harbour.</p>", null);
		try {
			JsonNode latest = json(client().get("/api/v1/articles?limit=100"));
			JsonNode image = story(latest, pictured).get("image");
			assertThat(image.get("url").asString()).isEqualTo("https://cdn.publisher.example/dusk.jpg");
			assertThat(image.get("src").asString()).startsWith("/img/");
			assertThat(image.get("srcset").asString()).contains("/img/").doesNotContain("https://");
			assertThat(story(latest, plain).has("image")).as("the key is there, null").isTrue();
			assertThat(story(latest, plain).get("image").isNull()).isTrue();
			// Every answer that lists stories: the front page, related stories, search.
			for (String path : List.of("/api/v1/articles?limit=100", "/api/v1/home",
					"/api/v1/articles/" + FakeArticles.FERRY_PAID + "/related", "/api/v1/search?q=harbour")) {
				List<JsonNode> stories = json(client().get(path)).findParents("imageUrl");
				assertThat(stories).as(path).isNotEmpty().allSatisfy(story -> {
					assertThat(story.has("image")).as(path + ": " + story).isTrue();
					if (!story.get("image").isNull()) {
						assertThat(story.get("image").get("src").asString()).as(path).startsWith("/img/");
					}
				});
			}
		} finally {
			fake.remove(pictured);
			fake.remove(plain);
		}
	}

	private static JsonNode json(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body());
	}

	private static JsonNode story(JsonNode list, String id) {
		return list.get("items").valueStream().filter(item -> item.get("id").asString().equals(id)).findFirst()
				.orElseThrow(() -> new AssertionError(id + " is not listed: " + list));
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
