package io.newsstand.web.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsstand.aggregator.PublicTeaser;
import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.FakeSearchSource;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search as readers meet it, over HTTP on the whole app: the real Lucene index
 * (rebuilt from the test articles), the real paywall.
 */
@ResourceLock(SiteTest.CLOCK)
class SearchSiteTest extends SiteTest {

	private static final String PASSWORD = "juniper anchor ribbon";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	PublicTeaser teaser;

	@BeforeEach
	void indexReady() {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			JsonNode page = api(client(), "q=paragraph");
			return page.get("indexReady").asBoolean() && page.get("totalHits").asLong() > 0;
		});
	}

	private JsonNode api(SiteClient client, String query, String... headers) {
		HttpResponse<String> response = client.get("/api/v1/search?" + query, headers);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private static String q(String text) {
		return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** The results section of the page (the form above it repeats the words). */
	private static String results(String html) {
		int start = html.indexOf("id=\"results-heading\"");
		assertThat(start).as("the page has results").isPositive();
		return html.substring(start);
	}

	private static List<String> ids(JsonNode page) {
		return page.get("items").valueStream().map(item -> item.get("id").asString()).toList();
	}

	@Test
	void theIndexedTeaserIsExactlyWhatTheAppShowsAReaderWithoutAccess() {
		String body = new FakeArticles().article("paid-1").orElseThrow().body();
		assertThat(this.teaser.of(body)).isEqualTo(FakeSearchSource.teaser(body)).contains("Paragraph 1 of paid-1")
				.doesNotContain("SECRET");
	}

	@Test
	void anAnonymousQueryForAPhraseOnlyThePaywalledBodyHoldsFindsNothing() {
		JsonNode page = api(client(), q("\"" + FakeArticles.secret("paid-3") + "\""));
		assertThat(ids(page)).isEmpty();
		assertThat(page.get("totalHits").asLong()).isZero();
		String html = results(client().get("/search?" + q("\"" + FakeArticles.secret("paid-3") + "\"")).body());
		assertThat(html).doesNotContain("/articles/paid-3").contains("id=\"search-none\"");
	}

	@Test
	void anAnonymousReaderFindsAPaywalledArticleByWhatItMaySee() {
		JsonNode page = api(client(), q("\"Headline of paid-3\" \"Paragraph 1 of paid-3\" writer"));
		assertThat(ids(page)).containsExactly("paid-3");
		JsonNode item = page.get("items").get(0);
		assertThat(item.get("snippet").asString().toLowerCase(Locale.ROOT)).doesNotContain("secret")
				.doesNotContain("last paragraph");
		assertThat(item.get("title").asString()).isEqualTo("Headline of paid-3");
		assertThat(item.get("url").asString()).isEqualTo("https://example.com/paid-3");
		assertThat(item.get("publisher").get("name").asString()).isEqualTo("Daily Ledger");
		assertThat(item.get("author").asString()).isEqualTo("Ann Writer");
		assertThat(item.get("imageUrl").asString()).isEqualTo("/css/lead.png");
		assertThat(item.has("body")).isFalse();
		assertThat(ids(api(client(), q("standfirst paid-3 anyone")))).containsExactly("paid-3");
	}

	/**
	 * The attack of issue 12: narrow to one article by what everyone sees, then try
	 * candidate words of its paywalled part one by one. Every answer for a word
	 * only the body holds is the answer for a word that exists nowhere.
	 */
	@Test
	void theOracleAttackLearnsNothingAboutThePaywalledBody() {
		String narrow = "\"Headline of paid-3\" ";
		JsonNode nowhere = api(client(), q(narrow + "qqzyxwv"));
		for (String candidate : List.of("holds", "last", "\"the last paragraph\"", "secret", "ending",
				"\"Paragraph 7 of paid-3\"", "\"paragraph holds\"")) {
			JsonNode probe = api(client(), q(narrow + candidate));
			assertThat(ids(probe)).as(candidate).isEqualTo(ids(nowhere)).isEmpty();
			assertThat(probe.get("totalHits").asLong()).as(candidate).isEqualTo(nowhere.get("totalHits").asLong());
			assertThat(probe.get("nextCursor")).as(candidate).isEqualTo(nowhere.get("nextCursor"));
		}
		// The same probes from a signed-in reader without a membership learn nothing
		// either.
		SiteClient reader = client();
		reader.signUp(uniqueEmail("oracle"), PASSWORD);
		assertThat(ids(api(reader, q(narrow + "secret")))).isEmpty();
		assertThat(ids(api(reader, q(narrow + "\"the last paragraph\"")))).isEmpty();
	}

	@Test
	void aMembersSnippetMayQuoteTheBody() {
		SiteClient member = client();
		member.signUp(uniqueEmail("searcher"), PASSWORD);
		member.startTrial("monthly", "4242424242424242");
		String html = member.get("/search?" + q("\"" + FakeArticles.secret("paid-4") + "\"")).body();
		assertThat(results(html))
				.contains("<p class=\"snippet\">The last paragraph holds <mark>SECRET-ENDING-paid-4</mark>");
	}

	@Test
	void aSignedInReaderWithoutMembershipMatchesAndSeesTeasersOnly() {
		SiteClient reader = client();
		reader.signUp(uniqueEmail("metered"), PASSWORD);
		String html = results(reader.get("/search?" + q("\"" + FakeArticles.secret("paid-5") + "\"")).body());
		assertThat(html).doesNotContain("/articles/paid-5").contains("id=\"search-none\"");
		String found = results(reader.get("/search?" + q("\"Headline of paid-5\"")).body());
		assertThat(found).contains("/articles/paid-5").doesNotContain("SECRET");
	}

	@Test
	void aMembersFullTextAnswersAreNeverStoredByACache() {
		SiteClient member = client();
		String email = uniqueEmail("nostore");
		member.signUp(email, PASSWORD);
		member.startTrial("monthly", "4242424242424242");
		String token = this.json
				.readTree(member.postJson("/api/v1/auth/token",
						"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").body())
				.get("token").asString();
		String secret = q("\"" + FakeArticles.secret("paid-6") + "\"");
		for (String path : List.of("/search?" + secret, "/api/v1/search?" + secret, "/articles/paid-6",
				"/api/v1/articles/paid-6")) {
			HttpResponse<String> response = path.startsWith("/api/")
					? member.get(path, "Authorization", "Bearer " + token)
					: member.get(path);
			assertThat(response.body()).as(path).contains(FakeArticles.secret("paid-6"));
			assertThat(response.headers().firstValue("Cache-Control")).as(path)
					.hasValueSatisfying(value -> assertThat(value).contains("no-store").doesNotContain("public"));
		}
	}

	@Test
	void matchesAreMarkedAndEverythingElseEscaped() {
		JsonNode page = api(client(), q("ferry"));
		assertThat(ids(page)).containsExactlyInAnyOrder(FakeArticles.FERRY_PAID, FakeArticles.FERRY_FREE);
		JsonNode paid = page.get("items").valueStream()
				.filter(item -> item.get("id").asString().equals(FakeArticles.FERRY_PAID)).findFirst().orElseThrow();
		assertThat(paid.get("titleHtml").asString()).contains("<mark>ferry</mark>")
				.contains("&quot;at last&quot; &amp; on budget").doesNotContain("<b>");

		String html = client().get("/search?" + q("ferry <script>alert(1)</script>")).body();
		assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
		String results = client().get("/search?" + q("ferry")).body();
		assertThat(results).contains("<mark>ferry</mark>").doesNotContain("<b>\"at last\"</b>");
	}

	@Test
	void filtersNarrowByPublisherSectionAndDate() {
		assertThat(ids(api(client(), q("ferry") + "&publisher=" + FakeArticles.FREE_PUBLISHER)))
				.containsExactly(FakeArticles.FERRY_FREE);
		assertThat(ids(api(client(), q("ferry") + "&section=world"))).hasSize(2);
		assertThat(ids(api(client(), q("ferry") + "&section=Business"))).isEmpty();
		assertThat(ids(api(client(), q("ferry") + "&from=2026-03-01&to=2026-03-01"))).hasSize(2);
		assertThat(ids(api(client(), q("ferry") + "&from=2026-03-02"))).isEmpty();
		assertThat(ids(api(client(), q("ferry") + "&to=2026-02-28"))).isEmpty();
		assertThat(ids(api(client(), q("ferry") + "&to=2026-03-01T08:59:59Z"))).isEmpty();
	}

	@Test
	void pagesFollowByCursorOrByNumber() {
		JsonNode first = api(client(), q("paragraph") + "&limit=3");
		assertThat(ids(first)).hasSize(3);
		assertThat(first.get("page").asInt()).isEqualTo(1);
		String cursor = first.get("nextCursor").asString();
		JsonNode second = api(client(), q("paragraph") + "&limit=3&cursor=" + cursor);
		assertThat(ids(second)).hasSize(3).doesNotContainAnyElementsOf(ids(first));
		assertThat(ids(api(client(), q("paragraph") + "&limit=3&page=2"))).isEqualTo(ids(second));
		JsonNode last = api(client(), q("paragraph") + "&limit=50");
		assertThat(last.get("nextCursor").isNull()).isTrue();

		String html = client().get("/search?" + q("paragraph") + "&limit=3").body();
		assertThat(html).contains("rel=\"next\"").contains("page=2").doesNotContain("rel=\"prev\"");
		assertThat(client().get("/search?" + q("paragraph") + "&limit=3&page=2").body()).contains("rel=\"prev\"");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {"q=|q", "q=%20%20|q", "from=2026-13-45&q=x|from", "to=yesterday&q=x|to",
			"from=2026-03-02&to=2026-03-01&q=x|to", "limit=0&q=x|limit", "limit=51&q=x|limit", "limit=ten&q=x|limit",
			"page=0&q=x|page", "page=999&q=x|page", "cursor=nonsense&q=x|cursor", "cursor=czE6MA&page=2&q=x|cursor",
			"publisher=nobody&q=x|publisher"})
	void badInputIsA400ProblemNamingTheParameter(String query, String field) {
		HttpResponse<String> response = client().get("/api/v1/search?" + query);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.json.readTree(response.body()).get("errors").has(field)).as(response.body()).isTrue();
	}

	@Test
	void aTooLongSearchIsRefused() {
		HttpResponse<String> api = client().get("/api/v1/search?" + q("word ".repeat(41)));
		assertThat(api.statusCode()).isEqualTo(400);
		assertThat(api.body()).contains("at most 200 characters");
		HttpResponse<String> page = client().get("/search?" + q("word ".repeat(41)));
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("at most 200 characters").contains("aria-invalid=\"true\"");
	}

	@Test
	void thePageExplainsBadDatesAndKeepsWhatWasTyped() {
		HttpResponse<String> page = client().get("/search?q=ferry&from=2026-03-05&to=2026-03-01");
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("The end date is before the start date.").contains("value=\"ferry\"")
				.contains("id=\"search-errors\"").doesNotContain("search-result\"");
		HttpResponse<String> bad = client().get("/search?q=ferry&from=someday");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("Use a date like 2026-03-01.");
	}

	@Test
	void anEmptySearchShowsTheFormAndANoResultSearchSaysSo() {
		HttpResponse<String> empty = client().get("/search");
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).contains("id=\"search-empty\"").contains("role=\"search\"")
				.contains("<label for=\"search-q\">");
		HttpResponse<String> none = client().get("/search?q=zyxwvutsrq");
		assertThat(none.statusCode()).isEqualTo(200);
		assertThat(none.body()).contains("id=\"search-none\"").contains("No stories match");
	}

	@Test
	void everyPageHasTheSearchFormInItsHeader() {
		for (String path : List.of("/", "/articles/paid-1", "/membership")) {
			assertThat(client().get(path).body()).as(path).contains("action=\"/search\"")
					.contains("<label class=\"visually-hidden\" for=\"site-search-q\">");
		}
	}

	@Test
	void anonymousAnswersMayBeCachedButASignedInReadersNeverAre() {
		HttpResponse<String> anonymous = client().get("/api/v1/search?" + q("ferry"));
		assertThat(anonymous.headers().firstValue("Cache-Control"))
				.hasValueSatisfying(value -> assertThat(value).contains("public"));
		SiteClient reader = client();
		reader.signUp(uniqueEmail("cache"), PASSWORD);
		assertThat(reader.get("/search?" + q("ferry")).headers().firstValue("Cache-Control"))
				.hasValueSatisfying(value -> assertThat(value).contains("no-store"));
	}

}
