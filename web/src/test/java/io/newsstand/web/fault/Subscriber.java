package io.newsstand.web.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsstand.web.site.SiteClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One reader of an {@link AppProcess} who becomes a member the way a reader
 * does: signs up on the site, follows the verification link, takes an API
 * token, starts a checkout through the API and pays on the sandbox's hosted
 * page with the signed-in session.
 */
final class Subscriber {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The key every app of these scenarios gives its sandbox. */
	static final String SANDBOX_KEY = "sk_test_faultsuite" + "0123456789abcdef";

	static final String CARD = "4242424242424242";

	/**
	 * The sandbox knows two good test cards, and a card pays for one trial only
	 * (newsstand.billing.card-fingerprint-check): without this every reader after
	 * the first would be charged at once, {@code active} rather than
	 * {@code trialing}. These scenarios are about crashes, not trial abuse.
	 */
	/** More readers from one address than a day's sign-up limit allows. */
	static final String MANY_SIGN_UPS = "newsstand.web.sign-up.max-per-address=100";

	static final String ONE_CARD_MANY_TRIALS = "newsstand.billing.card-fingerprint-check=false";

	final String email = "member-" + UUID.randomUUID() + "@example.com";

	final String password = "correct horse battery staple " + UUID.randomUUID();

	String token;

	/** The reader's browser, signed in. */
	private SiteClient site;

	private Subscriber() {
	}

	/** A verified reader with an API token, not yet a member. */
	static Subscriber signUp(AppProcess app) {
		Subscriber reader = new Subscriber();
		reader.site = new SiteClient(app.baseUrl());
		HttpResponse<String> signedIn = reader.site.signUp(reader.email, reader.password);
		assertThat(signedIn.statusCode()).as("sign-in after verification: " + signedIn.body()).isEqualTo(302);
		reader.token = reader.newToken(app);
		return reader;
	}

	/**
	 * Starts a checkout with the API and pays on the hosted page; returns once the
	 * sandbox has accepted the card (the webhooks may still be in flight).
	 */
	void pay(AppProcess app) throws Exception {
		HttpResponse<String> checkout = app.post("/api/v1/me/checkout", "{\"plan\":\"monthly\"}", "Content-Type",
				"application/json", "Authorization", "Bearer " + this.token);
		assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(200);
		String hosted = field(checkout.body(), "url");
		// The hosted page is paid in the reader's signed-in browser, with its CSRF
		// token.
		this.site.getUrl(hosted);
		HttpResponse<String> paid = this.site.postUrl(hosted, this.site.withCsrf("cardNumber", CARD));
		assertThat(paid.headers().firstValue("Location")).as("the sandbox accepted the card: " + paid.body())
				.isPresent();
	}

	String newToken(AppProcess app) {
		try {
			HttpResponse<String> issued = app.post("/api/v1/auth/token", credentials(), "Content-Type",
					"application/json");
			assertThat(issued.statusCode()).as("the account and its password: " + issued.body()).isEqualTo(200);
			return field(issued.body(), "token");
		} catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The membership state the API gives this reader ({@code none},
	 * {@code trialing}, ...).
	 */
	String state(AppProcess app) throws Exception {
		HttpResponse<String> membership = app.get("/api/v1/me/membership", "Authorization", "Bearer " + this.token);
		assertThat(membership.statusCode()).as("the API token: " + membership.body()).isEqualTo(200);
		return field(membership.body(), "state");
	}

	/**
	 * The reader's customer and live subscriptions as the sandbox (Stripe) holds
	 * them: the number of customers with the e-mail address, and of subscriptions
	 * with status {@code trialing} among them.
	 */
	int[] atStripe(AppProcess app) throws Exception {
		String customers = stripe(app, "/customers?email=" + URLEncoder.encode(this.email, StandardCharsets.UTF_8))
				.body();
		Matcher ids = Pattern.compile("\"id\":\"(cus_[^\"]+)\"").matcher(customers);
		int count = 0;
		int trialing = 0;
		while (ids.find()) {
			count++;
			String subscriptions = stripe(app, "/subscriptions?customer=" + ids.group(1)).body();
			trialing += (int) Pattern.compile("\"status\":\"trialing\"").matcher(subscriptions).results().count();
		}
		return new int[]{count, trialing};
	}

	/**
	 * Whether a paid article reads in full as a member's: the paywall's own view of
	 * the stored membership, which (unlike {@code /api/v1/me/membership}) never
	 * syncs with Stripe on read, so it shows what webhooks and the Reconciler have
	 * written.
	 */
	boolean readsAsMember(AppProcess app, String paidArticle) throws Exception {
		HttpResponse<String> article = app.get("/api/v1/articles/" + paidArticle, "Authorization",
				"Bearer " + this.token);
		assertThat(article.statusCode()).as(article.body()).isEqualTo(200);
		return article.body().contains("\"reason\":\"member\"");
	}

	/** A paid article of the demo catalog, once the store has one. */
	static String paidArticle(AppProcess app) {
		return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
				.until(() -> paidIn(JSON.readTree(app.get("/api/v1/articles?limit=50").body())), id -> id != null);
	}

	private static @Nullable String paidIn(JsonNode node) {
		if (node.isObject() && node.has("id") && node.has("free") && !node.get("free").asBoolean()) {
			return node.get("id").asString();
		}
		for (JsonNode child : node) {
			String found = paidIn(child);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private static HttpResponse<String> stripe(AppProcess app, String path) throws Exception {
		HttpResponse<String> response = app.send(
				HttpRequest.newBuilder(URI.create(app.baseUrl() + "/sandbox/stripe/v1" + path)).GET(), "Authorization",
				"Bearer " + SANDBOX_KEY);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return response;
	}

	private String credentials() {
		return "{\"email\":\"" + this.email + "\",\"password\":\"" + this.password + "\"}";
	}

	static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		assertThat(matcher.find()).as(name + " in " + json).isTrue();
		return matcher.group(1);
	}

}
