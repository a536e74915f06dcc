package io.newsstand.web.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.account.Account;
import io.newsstand.web.account.AccountStore;
import io.newsstand.web.redis.WebKeys;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text size and theme per account: chosen on the settings page or through the
 * API, drawn by the server on every page of that account (and no other), kept
 * under the account's hash tag and deleted with it.
 */
class ReaderSettingsTest extends SiteTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PASSWORD = "meadow copper lantern";

	private static final String DEFAULTS = "data-theme=\"system\" data-text-size=\"medium\"";

	private static final String DARK_LARGE = "data-theme=\"dark\" data-text-size=\"large\"";

	@Autowired
	AccountStore accounts;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void anonymousReadersGetTheDevicesThemeAndTheDefaultSize() {
		String page = client().get("/").body();
		assertThat(page).contains("<html lang=\"en\" " + DEFAULTS + ">")
				.contains("<meta name=\"color-scheme\" content=\"light dark\">");
	}

	@Test
	void theSettingsPageIsForSignedInReaders() {
		HttpResponse<String> page = client().get("/settings");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/signin?next=%2Fsettings"));
	}

	@Test
	void savingWithoutTheFormsTokenIsRefused() {
		SiteClient reader = signedUp("csrf");
		HttpResponse<String> forged = reader.post("/settings", Map.of("textSize", "large", "theme", "dark"));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(reader.get("/").body()).contains(DEFAULTS);
	}

	@Test
	void savedSettingsDrawEveryPageOfThatAccountAndNoOther() {
		SiteClient reader = signedUp("dark");
		SiteClient other = signedUp("other");
		HttpResponse<String> saved = reader.submit("/settings", "/settings", "textSize", "large", "theme", "dark");
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/settings?saved"));
		for (String path : new String[]{"/", "/settings?saved", "/articles/free-1", "/saved"}) {
			String page = reader.get(path).body();
			assertThat(page).as(path).contains(DARK_LARGE).contains("<meta name=\"color-scheme\" content=\"dark\">");
		}
		assertThat(reader.get("/settings").body()).contains("value=\"dark\" checked")
				.contains("value=\"large\" checked");
		assertThat(other.get("/").body()).contains(DEFAULTS);
		assertThat(client().get("/").body()).contains(DEFAULTS);
	}

	@Test
	void anotherSignedInDeviceOfTheAccountShowsTheChangeOnItsNextPage() {
		String email = uniqueEmail("devices");
		SiteClient phone = client();
		phone.signUp(email, PASSWORD);
		SiteClient laptop = client();
		laptop.signIn(email, PASSWORD);
		assertThat(laptop.get("/").body()).contains(DEFAULTS);
		phone.submit("/settings", "/settings", "textSize", "small", "theme", "light");
		assertThat(laptop.get("/").body()).contains("data-theme=\"light\" data-text-size=\"small\"");
	}

	@Test
	void unknownChoicesAreRefusedWithAMessageAndChangeNothing() {
		SiteClient reader = signedUp("bad");
		HttpResponse<String> refused = reader.submit("/settings", "/settings", "textSize", "enormous", "theme", "dark");
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Choose one of the text sizes shown.")
				.doesNotContain("Choose one of the themes shown.");
		assertThat(reader.get("/").body()).contains(DEFAULTS);
	}

	@Test
	void theApiReadsAndReplacesTheSameSettings() {
		String email = uniqueEmail("api");
		SiteClient reader = client();
		reader.signUp(email, PASSWORD);
		// An app holds a token and none of the browser's cookies.
		SiteClient app = client();
		String token = token(app, email);
		HttpResponse<String> initial = app.get("/api/v1/me/settings", "Authorization", "Bearer " + token);
		assertThat(json(initial.body())).containsEntry("textSize", "medium").containsEntry("theme", "system");
		HttpResponse<String> put = put(app, token, "{\"textSize\":\"large\",\"theme\":\"dark\"}");
		assertThat(put.statusCode()).isEqualTo(200);
		assertThat(json(put.body())).containsEntry("textSize", "large").containsEntry("theme", "dark");
		assertThat(reader.get("/").body()).as("the browser session of the same account").contains(DARK_LARGE);
	}

	@Test
	void theApiRefusesUnknownValuesAndStrangers() {
		String email = uniqueEmail("api-bad");
		SiteClient reader = client();
		reader.signUp(email, PASSWORD);
		HttpResponse<String> bad = put(reader, token(reader, email), "{\"textSize\":\"tiny\"}");
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(bad.body()).contains("\"textSize\"").contains("\"theme\"");
		assertThat(client().get("/api/v1/me/settings").statusCode()).isEqualTo(401);
		assertThat(put(client(), "not-a-token", "{\"textSize\":\"large\",\"theme\":\"dark\"}").statusCode())
				.isEqualTo(401);
	}

	@Test
	void settingsLiveUnderTheAccountsHashTagAndGoWithTheAccount() {
		String email = uniqueEmail("deleted");
		SiteClient reader = client();
		reader.signUp(email, PASSWORD);
		reader.submit("/settings", "/settings", "textSize", "larger", "theme", "dark");
		Account account = this.accounts.findByEmail(email).orElseThrow();
		String key = WebKeys.readerSettings(account.id());
		assertThat(key).contains("{" + account.id() + "}");
		assertThat(this.redis.<String, String>opsForHash().entries(key)).containsEntry("text-size", "larger")
				.containsEntry("theme", "dark");
		this.accounts.delete(account);
		assertThat(this.redis.hasKey(key)).isFalse();
	}

	private SiteClient signedUp(String name) {
		SiteClient reader = client();
		reader.signUp(uniqueEmail(name), PASSWORD);
		return reader;
	}

	private static String token(SiteClient reader, String email) {
		HttpResponse<String> token = reader.postJson("/api/v1/auth/token",
				"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(token.statusCode()).isEqualTo(200);
		return (String) json(token.body()).get("token");
	}

	private HttpResponse<String> put(SiteClient reader, String token, String body) {
		return reader.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/me/settings"))
				.header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
				.PUT(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	private static Map<String, Object> json(String body) {
		return JSON.readValue(body, new TypeReference<Map<String, Object>>() {
		});
	}

}
