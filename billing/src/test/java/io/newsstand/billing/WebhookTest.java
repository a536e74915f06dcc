package io.newsstand.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.Stripe;
import io.newsstand.stripesandbox.Sandbox;
import io.newsstand.stripesandbox.SandboxFaults;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /stripe/webhook} against forged, replayed, duplicated, reordered
 * and failing deliveries: none changes a membership wrongly.
 */
@BillingTest(properties = "newsstand.billing.sandbox.webhook-max-attempts=7")
class WebhookTest {

	static final HttpClient http = HttpClient.newHttpClient();

	static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Billing billing;

	@Autowired
	Sandbox sandbox;

	@Autowired
	SandboxFaults faults;

	@Autowired
	BillingTestApplication.Reminders reminders;

	BillingTestSupport stripe;

	@BeforeEach
	void setUp() {
		this.stripe = BillingTestSupport.of(this.port, this.sandbox);
	}

	@AfterEach
	void tearDown() {
		this.sandbox.deliveryMode(false, false);
		this.faults.clear();
	}

	String startTrial(String account) throws Exception {
		CheckoutOutcome outcome = this.billing.startCheckout(account, BillingTestSupport.emailOf(account), Plan.MONTHLY,
				"http://app.test/ok?session_id={CHECKOUT_SESSION_ID}", "http://app.test/plans");
		String session = BillingTestSupport.sessionId(outcome);
		this.stripe.completeCheckout(session, "pm_card_visa");
		return session;
	}

	HttpResponse<String> deliver(String body, String signature) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.stripe.baseUrl() + "/stripe/webhook"))
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
		if (signature != null) {
			request.header("Stripe-Signature", signature);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	String lastEventOf(String type, String customer) {
		List<String> ids = this.sandbox.eventIds(type);
		for (int i = ids.size() - 1; i >= 0; i--) {
			if (json.writeValueAsString(this.sandbox.event(ids.get(i))).contains(customer)) {
				return ids.get(i);
			}
		}
		throw new AssertionError("no " + type + " for " + customer);
	}

	/** A Stripe-like event with a new id, saying the subscription was cancelled. */
	String forgedCancellation(String eventId) {
		String body = json.writeValueAsString(this.sandbox.event(eventId));
		return body.replace(eventId, "evt_forged" + System.nanoTime())
				.replace("\"status\":\"trialing\"", "\"status\":\"canceled\"")
				.replace("customer.subscription.created", "customer.subscription.deleted");
	}

	@Test
	void forgedSignatureIsRejectedAndChangesNothing() throws Exception {
		String account = BillingTestSupport.newAccount();
		startTrial(account);
		String customer = this.stripe.customerId(BillingTestSupport.emailOf(account));
		String body = forgedCancellation(lastEventOf("customer.subscription.created", customer));
		long now = Instant.now().getEpochSecond();

		HttpResponse<String> forged = deliver(body,
				this.sandbox.signature(body, now).replaceAll("v1=\\w+", "v1=" + "ab".repeat(32)));
		assertThat(forged.statusCode()).isEqualTo(400);
		assertThat(deliver(body, null).statusCode()).isEqualTo(400);
		assertThat(deliver(body, "garbage").statusCode()).isEqualTo(400);
		assertThat(this.billing.membership(account).state()).isEqualTo(MembershipState.TRIALING);
	}

	@Test
	void replayOlderThanTheToleranceIsRejected() throws Exception {
		String account = BillingTestSupport.newAccount();
		startTrial(account);
		String customer = this.stripe.customerId(BillingTestSupport.emailOf(account));
		String id = lastEventOf("customer.subscription.created", customer);
		String body = json.writeValueAsString(this.sandbox.event(id)).replace(id, "evt_replay" + System.nanoTime());
		long now = Instant.now().getEpochSecond();

		assertThat(deliver(body, this.sandbox.signature(body, now - 301)).statusCode()).isEqualTo(400);
		assertThat(deliver(body, this.sandbox.signature(body, now - 200)).statusCode()).isEqualTo(200);
	}

	@Test
	void aStaleEventArrivingLateDoesNotRollTheMembershipBack() throws Exception {
		String account = BillingTestSupport.newAccount();
		startTrial(account);
		String email = BillingTestSupport.emailOf(account);
		assertThat(this.billing.endTrialNow(account)).isInstanceOf(ChangeOutcome.Done.class);
		this.stripe.awaitWebhooks();
		assertThat(this.billing.membership(account).state()).isEqualTo(MembershipState.ACTIVE);

		// The old "created (trialing)" event, delivered again under a new id, and a
		// signed forgery claiming a cancellation: both only trigger a re-read.
		String created = lastEventOf("customer.subscription.created", this.stripe.customerId(email));
		String stale = json.writeValueAsString(this.sandbox.event(created)).replace(created,
				"evt_stale" + System.nanoTime());
		long now = Instant.now().getEpochSecond();
		HttpResponse<String> response = deliver(stale, this.sandbox.signature(stale, now));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("processed");
		String lie = forgedCancellation(created);
		assertThat(deliver(lie, this.sandbox.signature(lie, now)).statusCode()).isEqualTo(200);
		assertThat(this.billing.membership(account).state()).isEqualTo(MembershipState.ACTIVE);
		assertThat(this.billing.membership(account).mayReadInFull()).isTrue();
	}

	@Test
	void eventsDeliveredTwiceAndInReverseOrderGiveTheRightStateAndOneReminder() throws Exception {
		this.sandbox.deliveryMode(true, true);
		String account = BillingTestSupport.newAccount();
		String email = BillingTestSupport.emailOf(account);
		startTrial(account);
		assertThat(this.billing.membership(account).state()).isEqualTo(MembershipState.TRIALING);

		String customer = this.stripe.customerId(email);
		String completed = lastEventOf("checkout.session.completed", customer);
		assertThat(this.sandbox.deliveryAttempts(completed)).containsExactly(200, 200);

		Instant trialEnd = this.billing.membership(account).trialEndsAt();
		this.stripe.advanceTo(email, trialEnd.minus(Duration.ofDays(3)).plusSeconds(10));
		assertThat(this.reminders.of(account)).hasSize(1);
		this.sandbox.resend(lastEventOf("customer.subscription.trial_will_end", customer));
		this.stripe.awaitWebhooks();
		assertThat(this.reminders.of(account)).hasSize(1);

		assertThat(this.billing.cancelAtPeriodEnd(account)).isInstanceOf(ChangeOutcome.Done.class);
		this.stripe.awaitWebhooks();
		assertThat(this.billing.membership(account).state()).isEqualTo(MembershipState.CANCELING);
		this.stripe.advanceTo(email, trialEnd.plusSeconds(3600));
		assertThat(this.billing.membership(account).state()).isEqualTo(MembershipState.LAPSED);
	}

	@Test
	void unknownEventTypesAreAcknowledgedAndIgnored() throws Exception {
		String body = json.writeValueAsString(
				Map.of("id", "evt_unknown" + System.nanoTime(), "object", "event", "api_version", Stripe.API_VERSION,
						"created", Instant.now().getEpochSecond(), "type", "customer.tax_id.created", "data",
						Map.of("object", Map.of("id", "txi_1", "object", "tax_id")), "livemode", false));
		HttpResponse<String> response = deliver(body, this.sandbox.signature(body, Instant.now().getEpochSecond()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("ignored");
	}

	@Test
	void aProcessingFailureIsA500AndStripesRetryCompletesIt() throws Exception {
		String account = BillingTestSupport.newAccount();
		CheckoutOutcome outcome = this.billing.startCheckout(account, BillingTestSupport.emailOf(account), Plan.MONTHLY,
				"http://app.test/ok", "http://app.test/plans");
		String session = BillingTestSupport.sessionId(outcome);
		// Stripe answers 500 to the first attempt's sync (the SDK's own retries
		// included).
		this.faults.failNext(3);
		this.stripe.completeCheckout(session, "pm_card_visa");

		String customer = this.stripe.customerId(BillingTestSupport.emailOf(account));
		String created = this.sandbox.eventIds("customer.subscription.created").stream()
				.filter(id -> json.writeValueAsString(this.sandbox.event(id)).contains(customer)).findFirst()
				.orElseThrow();
		assertThat(this.sandbox.deliveryAttempts(created)).containsExactly(500, 200);
		assertThat(this.billing.membership(account).state()).isEqualTo(MembershipState.TRIALING);
	}

}
