package io.newsstand.web.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.stripesandbox.Sandbox;
import io.newsstand.stripesandbox.SandboxFaults;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The reader's own membership, as the account page and
 * {@code GET /api/v1/me/membership} show it: a trial whose webhooks were all
 * lost shows at once, and a first payment that failed reads teasers with an
 * "update your card" way out.
 */
@TestPropertySource(properties = {
		// A webhook the app answers with 500 is lost after one attempt.
		"newsstand.billing.sandbox.webhook-max-attempts=1", "newsstand.billing.max-network-retries=0"})
class MembershipHealingSiteTest extends SiteTest {

	private static final String PASSWORD = "juniper anchor ribbon";

	@Autowired
	Sandbox sandbox;

	@Autowired
	SandboxFaults faults;

	@AfterEach
	void clearFaults() {
		this.faults.clear();
	}

	private String token(String email) {
		HttpResponse<String> issued = client().postJson("/api/v1/auth/token",
				"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
		Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(issued.body());
		assertThat(token.find()).as(issued.body()).isTrue();
		return token.group(1);
	}

	/**
	 * Pays on the hosted checkout page while every webhook fails, and closes the
	 * tab instead of returning to the welcome page.
	 */
	private void trialWithLostWebhooks(SiteClient reader) throws InterruptedException {
		HttpResponse<String> checkout = reader.submit("/membership", "/membership/checkout", "plan", "monthly");
		String hosted = checkout.headers().firstValue("Location").orElseThrow();
		reader.getUrl(hosted);
		this.faults.failNext(1_000_000);
		try {
			HttpResponse<String> paid = reader.postUrl(hosted, reader.withCsrf("cardNumber", "4242424242424242"));
			assertThat(paid.headers().firstValue("Location")).as(paid.body()).isPresent();
			assertThat(this.sandbox.awaitDeliveries(Duration.ofSeconds(60))).isTrue();
		} finally {
			this.faults.clear();
		}
	}

	@Test
	void theApiShowsATrialWhoseWebhooksWereLost() throws Exception {
		String email = uniqueEmail("lost-api");
		SiteClient reader = client();
		reader.signUp(email, PASSWORD);
		trialWithLostWebhooks(reader);

		String membership = client().get("/api/v1/me/membership", "Authorization", "Bearer " + token(email)).body();

		assertThat(membership).contains("\"state\":\"trialing\"").contains("\"mayReadInFull\":true")
				.contains("\"updateCard\":false");
	}

	@Test
	void theAccountPageShowsATrialWhoseWebhooksWereLost() throws Exception {
		SiteClient reader = client();
		reader.signUp(uniqueEmail("lost-page"), PASSWORD);
		trialWithLostWebhooks(reader);

		assertThat(reader.get("/account").body()).contains("Your free trial ends on");
	}

	@Test
	void aFirstPaymentThatFailsReadsTeasersAndShowsTheWayToUpdateTheCard() {
		String email = uniqueEmail("first-fails");
		SiteClient reader = client();
		reader.signUp(email, PASSWORD);
		// Stripe's test card that attaches and then fails every charge.
		reader.startTrial("monthly", "4000 0000 0000 0341");
		reader.get("/account");
		reader.post("/account/membership/end-trial", reader.withCsrf());

		String page = reader.get("/account").body();
		assertThat(page).contains("Your first payment failed").contains("Update your card")
				.contains("action=\"/account/membership/portal\"").doesNotContain("You can keep reading");
		String membership = client().get("/api/v1/me/membership", "Authorization", "Bearer " + token(email)).body();
		assertThat(membership).contains("\"state\":\"past_due\"").contains("\"mayReadInFull\":false")
				.contains("\"updateCard\":true").contains("\"portal\":\"/api/v1/me/portal\"")
				.contains("first payment failed");
	}

}
