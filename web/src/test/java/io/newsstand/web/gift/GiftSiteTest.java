package io.newsstand.web.gift;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Members, readers and bearer tokens for the gift tests, and the
 * {@link GiftOpened} events the app published during a test (recorded from
 * every thread, so the server's too).
 */
abstract class GiftSiteTest extends SiteTest {

	static final String PASSWORD = "amber lantern harbour";

	private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

	static final Pattern LINK = Pattern.compile("http://localhost:\\d+/gift/([A-Za-z0-9_-]{43})");

	@Autowired
	ConfigurableApplicationContext context;

	final List<GiftOpened> opened = new CopyOnWriteArrayList<>();

	private final ApplicationListener<ApplicationEvent> listener = event -> {
		if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof GiftOpened gift) {
			this.opened.add(gift);
		}
	};

	@BeforeEach
	void recordGiftsOpened() {
		this.context.addApplicationListener(this.listener);
	}

	@AfterEach
	void stopRecording() {
		this.context.removeApplicationListener(this.listener);
	}

	/** A signed-in member on a free trial (the membership the paywall honours). */
	record Member(String email, SiteClient client) {
	}

	Member member(String name) {
		String email = uniqueEmail(name);
		SiteClient client = client();
		client.signUp(email, PASSWORD);
		client.startTrial("monthly", "4242424242424242");
		return new Member(email, client);
	}

	/** A signed-in reader with a confirmed address and no membership. */
	Member reader(String name) {
		String email = uniqueEmail(name);
		SiteClient client = client();
		client.signUp(email, PASSWORD);
		return new Member(email, client);
	}

	String token(String email) {
		Matcher token = TOKEN.matcher(client()
				.postJson("/api/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
				.body());
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	HttpResponse<String> api(String method, String path, String token, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).method(
				method,
				(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return client().send(request.build());
	}

	/** The member gifts the article from its page and reads the link off /gifts. */
	String giftFromThePage(Member member, String articleId, String from) {
		HttpResponse<String> given = member.client().submit("/articles/" + articleId,
				"/articles/" + articleId + "/gift", "from", from);
		assertThat(given.statusCode()).as(given.body()).isEqualTo(302);
		String gifts = member.client().getUrl(given.headers().firstValue("Location").orElseThrow()).body();
		Matcher link = LINK.matcher(gifts);
		assertThat(link.find()).as(gifts).isTrue();
		return "/gift/" + link.group(1);
	}

	static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
	}

}
