package io.newsstand.web.reading;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.StoryArticle;
import io.newsstand.aggregator.StoryClusters;
import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Also covered by" and "Related stories" on the article page and in
 * {@code /api/v1/articles/{id}/related}, over the real story clusters in Redis.
 */
@ResourceLock(SiteTest.CLOCK)
class RelatedStoriesTest extends SiteTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	StoryClusters clusters;

	/**
	 * What the article store does when it stores the two versions (as if published
	 * now: clusters only link stories within their window).
	 */
	private void clusterTheFerryStory() {
		FakeArticles articles = new FakeArticles();
		for (String id : List.of(FakeArticles.FERRY_PAID, FakeArticles.FERRY_FREE)) {
			Article article = articles.article(id).orElseThrow();
			assertThat(this.clusters.assign(new StoryArticle(article.id(), article.publisherId(), article.title(),
					article.summary(), clock.instant().minusSeconds(60)))).isNotNull();
		}
		assertThat(this.clusters.cluster(FakeArticles.FERRY_PAID)).hasSize(1);
	}

	@AfterEach
	void forgetTheStory() {
		this.clusters.remove(FakeArticles.FERRY_PAID);
		this.clusters.remove(FakeArticles.FERRY_FREE);
		clock.advance(Duration.ofMinutes(2));
	}

	private JsonNode related(String id) {
		HttpResponse<String> response = client().get("/api/v1/articles/" + id + "/related");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private static List<String> ids(JsonNode list) {
		return list.valueStream().map(item -> item.get("id").asString()).toList();
	}

	@Test
	void otherPublishersVersionsComeFirstAndNeverTheArticleItselfOrABody() {
		clusterTheFerryStory();
		JsonNode lists = related(FakeArticles.FERRY_PAID);
		assertThat(ids(lists.get("alsoCoveredBy"))).containsExactly(FakeArticles.FERRY_FREE);
		assertThat(lists.get("alsoCoveredBy").get(0).get("publisherName").asString()).isEqualTo("Open Gazette");
		assertThat(ids(lists.get("related"))).first().isEqualTo(FakeArticles.FERRY_FREE);
		assertThat(ids(lists.get("related"))).doesNotContain(FakeArticles.FERRY_PAID).doesNotHaveDuplicates();
		assertThat(lists.toString()).doesNotContain("SECRET").doesNotContain("\"body\"");
		assertThat(ids(related(FakeArticles.FERRY_FREE).get("alsoCoveredBy"))).containsExactly(FakeArticles.FERRY_PAID);
	}

	@Test
	void relatedStoriesShareTheSectionAndAreNeverTheArticleOrTwice() {
		JsonNode lists = related("paid-1");
		assertThat(ids(lists.get("alsoCoveredBy"))).isEmpty();
		assertThat(ids(lists.get("related"))).isNotEmpty().hasSizeLessThanOrEqualTo(RelatedStories.RELATED)
				.doesNotContain("paid-1").doesNotHaveDuplicates()
				.doesNotContain(FakeArticles.FERRY_PAID, FakeArticles.FERRY_FREE);
	}

	@Test
	void theArticlePageShowsAlsoCoveredByWithPublisherNamesLinkingToTheVersions() {
		clusterTheFerryStory();
		String page = client().get("/articles/" + FakeArticles.FERRY_PAID).body();
		assertThat(page).contains("<h2 id=\"also-covered-heading\" class=\"meta\">Also covered by</h2>")
				.containsPattern("<a href=\"/articles/" + FakeArticles.FERRY_FREE + "\"[^>]*>Open Gazette</a>");
		String related = page.substring(page.indexOf("id=\"related-heading\""));
		assertThat(related.substring(0, related.indexOf("</section>"))).contains("/articles/" + FakeArticles.FERRY_FREE)
				.doesNotContain("/articles/" + FakeArticles.FERRY_PAID + "\"");
		String top = page.substring(page.indexOf("id=\"top-heading\""));
		assertThat(top).as("top stories beside an article leave it out").contains("/articles/")
				.doesNotContain("/articles/" + FakeArticles.FERRY_PAID + "\"");
		assertThat(client().get("/articles/paid-1").body()).doesNotContain("Also covered by");
	}

	@Test
	void listsAreComputedOnceAMinuteNotPerRequest() {
		clusterTheFerryStory();
		assertThat(ids(related(FakeArticles.FERRY_FREE).get("alsoCoveredBy"))).hasSize(1);
		this.clusters.remove(FakeArticles.FERRY_PAID);
		assertThat(ids(related(FakeArticles.FERRY_FREE).get("alsoCoveredBy"))).as("kept for a minute").hasSize(1);
		clock.advance(Duration.ofSeconds(61));
		assertThat(ids(related(FakeArticles.FERRY_FREE).get("alsoCoveredBy"))).isEmpty();
	}

	@Test
	void anUnknownArticleIsA404Problem() {
		HttpResponse<String> response = client().get("/api/v1/articles/nope/related");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

}
