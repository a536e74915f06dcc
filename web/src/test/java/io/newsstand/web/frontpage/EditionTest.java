package io.newsstand.web.frontpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.account.AccountStore;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The edition switch is remembered: in a cookie for anonymous readers, on the
 * profile for accounts, and a choice made before signing up carries over.
 */
@ResourceLock(SiteTest.CLOCK)
class EditionTest extends FrontPageSiteTest {

	@Autowired
	AccountStore accounts;

	@Test
	void anAnonymousReadersEditionIsRememberedInACookie() {
		SiteClient reader = client();
		assertThat(reader.get("/").body()).contains("International edition");
		HttpResponse<String> switched = reader.get("/edition/AU?next=/sections/world");
		assertThat(switched.statusCode()).isEqualTo(302);
		assertThat(switched.headers().firstValue("Location").orElseThrow()).endsWith("/sections/world");
		assertThat(reader.cookie("newsstand-edition")).contains("AU");
		assertThat(reader.get("/").body()).contains("Australia edition");
		assertThat(client().get("/").body()).as("another reader").contains("International edition");
		assertThat(reader.get("/edition/AU?next=https://evil.example").headers().firstValue("Location").orElseThrow())
				.doesNotContain("evil");
		assertThat(reader.get("/edition/XX").statusCode()).isEqualTo(404);
	}

	@Test
	void anAccountsEditionIsOnItsProfileAndTheCookieChoiceMovesThere() {
		SiteClient reader = client();
		reader.get("/edition/UK?next=/");
		String email = uniqueEmail("edition");
		reader.signUp(email, PASSWORD);
		assertThat(reader.get("/").body()).contains("United Kingdom edition");
		String id = this.accounts.findByEmail(email).orElseThrow().id();
		assertThat(this.accounts.edition(id)).contains("UK");

		HttpResponse<String> switched = reader.post("/edition", reader.withCsrf("edition", "US", "next", "/"));
		assertThat(switched.statusCode()).isEqualTo(302);
		assertThat(this.accounts.edition(id)).contains("US");

		SiteClient elsewhere = client();
		elsewhere.signIn(email, PASSWORD);
		assertThat(elsewhere.get("/").body()).as("another browser, no cookie").contains("United States edition");
		assertThat(elsewhere.post("/edition", Map.of("edition", "AU")).statusCode()).as("no CSRF token").isEqualTo(403);
	}

	@Test
	void theEditionReweightsTheFrontPageAndTheSectionPage() {
		String sydney = article("sydney", AU, "World", Duration.ofHours(3));
		String boston = article("boston", US, "World", Duration.ofHours(1));
		SiteClient reader = client();
		reader.get("/edition/AU");
		String home = reader.get("/").body();
		assertThat(home.indexOf(sydney)).isLessThan(home.indexOf(boston)).isPositive();
		String section = reader.get("/sections/world").body();
		assertThat(section).contains("From the Australia edition");
		assertThat(section.indexOf(sydney)).isLessThan(section.indexOf(boston));
		assertThat(client().get("/sections/world").body()).doesNotContain("From the");
	}

	@Test
	void theArticlePagesTopStoriesAreTheBrowsersEdition() {
		String sydney = article("sydney-side", AU, "World", Duration.ofHours(3));
		String boston = article("boston-side", US, "World", Duration.ofHours(1));
		String reading = article("reading", US, "Business", Duration.ofHours(5));
		SiteClient reader = client();
		reader.get("/edition/AU");
		String page = reader.get("/articles/" + reading).body();
		String side = page.substring(page.indexOf("Top stories right now"));
		assertThat(side.indexOf(sydney)).isPositive().isLessThan(side.indexOf(boston));
		String international = client().get("/articles/" + reading).body();
		String internationalSide = international.substring(international.indexOf("Top stories right now"));
		assertThat(internationalSide.indexOf(boston)).isPositive().isLessThan(internationalSide.indexOf(sydney));
	}

}
