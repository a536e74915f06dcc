package io.newsstand.web.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The installable app and what the service worker may keep on a device: the
 * manifest, the worker script, the offline page, the list of saved articles a
 * device keeps, the full copies the worker fetches, and sign-out clearing the
 * device.
 */
class OfflineSiteTest extends SiteTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PASSWORD = "harbour lantern violet";

	@Test
	void theManifestNamesTheAppItsIconsAndStandaloneDisplay() {
		HttpResponse<String> response = client().get("/manifest.webmanifest");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/manifest+json");
		Map<String, Object> manifest = json(response.body());
		assertThat(manifest).containsEntry("name", "Newsstand").containsEntry("display", "standalone")
				.containsEntry("start_url", "/?source=pwa").containsEntry("scope", "/")
				.containsEntry("theme_color", "#0b5cad");
		@SuppressWarnings("unchecked")
		List<Map<String, String>> icons = (List<Map<String, String>>) manifest.get("icons");
		assertThat(icons).extracting(icon -> icon.get("sizes") + " " + icon.get("purpose"))
				.containsExactlyInAnyOrder("192x192 any", "512x512 any", "192x192 maskable", "512x512 maskable");
		for (Map<String, String> icon : icons) {
			assertThat(icon.get("src")).matches("/icons/[a-z]+-\\d+-[0-9a-f]{32}\\.png");
			assertThat(client().get(icon.get("src")).statusCode()).isEqualTo(200);
		}
		assertThat(client().get("/").body()).contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">");
	}

	@Test
	void theServiceWorkerIsServedFromTheRootRevalidatedAndPrecachesTheFingerprintedShell() {
		HttpResponse<String> worker = client().get("/sw.js");
		assertThat(worker.statusCode()).isEqualTo(200);
		assertThat(worker.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
		assertThat(worker.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(worker.body()).doesNotContain("__SHELL__").doesNotContain("__VERSION__")
				.containsPattern("\"/css/site-[0-9a-f]{32}\\.css\"")
				.containsPattern("\"/js/offline-[0-9a-f]{32}\\.js\"").contains("\"/offline\"")
				// API answers are never kept.
				.contains("url.pathname.startsWith('/api/')");
		assertThat(client().get("/").body()).containsPattern("<script src=\"/js/offline-[0-9a-f]{32}\\.js\" defer>");
	}

	@Test
	void theOfflinePageNamesNoReaderEvenWhenASignedInReaderFetchesIt() {
		SiteClient reader = client();
		String email = uniqueEmail("offline-page");
		reader.signUp(email, PASSWORD);
		assertThat(reader.get("/").body()).contains("action=\"/signout\"");
		HttpResponse<String> page = reader.get("/offline");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("You are offline").doesNotContain(email).doesNotContain("action=\"/signout\"")
				.doesNotContain("name=\"_csrf\"").contains("<meta name=\"newsstand-device\" content=\"\">");
	}

	@Test
	void signOutTellsTheBrowserToClearWhatItKeepsForTheSite() {
		SiteClient reader = client();
		reader.signUp(uniqueEmail("clear"), PASSWORD);
		reader.get("/");
		HttpResponse<String> signOut = reader.post("/signout", reader.withCsrf());
		assertThat(signOut.statusCode()).isEqualTo(302);
		assertThat(signOut.headers().firstValue("Clear-Site-Data")).hasValue("\"cache\", \"storage\"");
	}

	@Test
	void theSavedListIsForSignedInReadersOnlyAndNeverCached() {
		assertThat(client().get("/offline/saved").statusCode()).isEqualTo(401);
		SiteClient reader = client();
		reader.signUp(uniqueEmail("list"), PASSWORD);
		HttpResponse<String> list = reader.get("/offline/saved");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.headers().firstValue("Cache-Control"))
				.hasValueSatisfying(value -> assertThat(value).contains("no-store").contains("private"));
	}

	@Test
	void aNonMemberKeepsOnlyFreeArticlesAndGetsNoPaidCopy() {
		SiteClient reader = client();
		reader.signUp(uniqueEmail("nonmember"), PASSWORD);
		save(reader, "paid-3");
		save(reader, "free-1");
		Map<String, Object> list = json(reader.get("/offline/saved").body());
		assertThat(urls(list)).containsExactly("/articles/free-1");
		HttpResponse<String> paid = reader.get("/articles/paid-3", "Newsstand-Offline", "save");
		assertThat(paid.statusCode()).isEqualTo(403);
		assertThat(paid.body()).doesNotContain(FakeArticles.secret("paid-3"));
		HttpResponse<String> free = reader.get("/articles/free-1", "Newsstand-Offline", "save");
		assertThat(free.headers().firstValue("Newsstand-Offline")).hasValue("full");
	}

	@Test
	void anAnonymousReaderGetsNoOfflineCopyEvenOfAFreeArticle() {
		HttpResponse<String> copy = client().get("/articles/free-1", "Newsstand-Offline", "save");
		assertThat(copy.statusCode()).isEqualTo(403);
		assertThat(copy.headers().firstValue("Newsstand-Offline")).isEmpty();
	}

	@Test
	void aMembersSavedArticlesAreListedAndTheirCopiesAreFullPrivateAndNotReads() {
		SiteClient member = client();
		member.signUp(uniqueEmail("member"), PASSWORD);
		member.startTrial("monthly", "4242424242424242");
		save(member, "paid-4");
		Map<String, Object> list = json(member.get("/offline/saved").body());
		assertThat(urls(list)).containsExactly("/articles/paid-4");
		assertThat((String) list.get("device")).matches("[0-9a-f]{24}");
		assertThat(member.get("/").body()).contains("<meta name=\"newsstand-device\" content=\"" + list.get("device"));
		HttpResponse<String> copy = member.get("/articles/paid-4", "Newsstand-Offline", "save");
		assertThat(copy.statusCode()).isEqualTo(200);
		assertThat(copy.headers().firstValue("Newsstand-Offline")).hasValue("full");
		assertThat(copy.headers().firstValue("Cache-Control")).hasValue("private, no-store");
		assertThat(copy.body()).contains(FakeArticles.secret("paid-4"));
		assertThat(member.get("/history").body()).as("keeping a copy is not reading it")
				.doesNotContain("Headline of paid-4");
	}

	@Test
	void twoAccountsGetDifferentDeviceTags() {
		SiteClient one = client();
		one.signUp(uniqueEmail("one"), PASSWORD);
		SiteClient two = client();
		two.signUp(uniqueEmail("two"), PASSWORD);
		assertThat(json(one.get("/offline/saved").body()).get("device"))
				.isNotEqualTo(json(two.get("/offline/saved").body()).get("device"));
	}

	/** Saves without opening the article (a CSRF token from the front page). */
	private static void save(SiteClient reader, String article) {
		reader.get("/");
		HttpResponse<String> saved = reader.post("/saved",
				reader.withCsrf("article", article, "action", "save", "next", "/articles/" + article));
		assertThat(saved.statusCode()).isEqualTo(302);
	}

	@SuppressWarnings("unchecked")
	private static List<String> urls(Map<String, Object> list) {
		return ((List<Map<String, String>>) list.get("articles")).stream().map(article -> article.get("url")).toList();
	}

	private static Map<String, Object> json(String body) {
		return JSON.readValue(body, new TypeReference<Map<String, Object>>() {
		});
	}

}
