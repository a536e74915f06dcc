package io.newsstand.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerListParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.SubscriptionListParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The membership lifecycle against real Stripe test mode, when
 * {@code STRIPE_SECRET_KEY} holds an {@code sk_test_} key (skipped otherwise,
 * saying so). Two things differ from the sandbox run, because a test cannot
 * click through Stripe's hosted Checkout nor receive Stripe's webhooks without
 * a tunnel: after checkout starts, the test creates the subscription Checkout
 * would create (same customer, price, trial and card), and it delivers the
 * webhook Stripe would send, signed with the configured secret, after each
 * step. Billing then re-reads everything from real Stripe, as it always does.
 */
@EnabledIfEnvironmentVariable(named = "STRIPE_SECRET_KEY", matches = "sk_test_.+", disabledReason = "STRIPE_SECRET_KEY is not set to an sk_test_ key: skipping the membership lifecycle against"
		+ " real Stripe test mode (MembershipLifecycleTest runs it against the sandbox)")
@BillingTest
class RealStripeLifecycleTest {

	static final String KEY = System.getenv("STRIPE_SECRET_KEY");

	static final String WEBHOOK_SECRET = "whsec_real_stripe_lifecycle_test";

	static final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void realStripe(DynamicPropertyRegistry registry) {
		registry.add("newsstand.billing.stripe-secret-key", () -> KEY);
		registry.add("newsstand.billing.webhook-secret", () -> WEBHOOK_SECRET);
		registry.add("newsstand.billing.test-clocks", () -> "true");
	}

	@LocalServerPort
	int port;

	@Autowired
	Billing billing;

	@Autowired
	BillingTestApplication.Reminders reminders;

	StripeClient stripe = StripeClient.builder().setApiKey((KEY == null) ? "sk_test_unset" : KEY)
			.setMaxNetworkRetries(2).build();

	@Test
	void lifecycleAgainstStripeTestMode() throws Exception {
		ensurePrice("newsstand_monthly", 900, PriceCreateParams.Recurring.Interval.MONTH);
		ensurePrice("newsstand_yearly", 9000, PriceCreateParams.Recurring.Interval.YEAR);
		String account = BillingTestSupport.newAccount();
		String email = BillingTestSupport.emailOf(account);

		CheckoutOutcome checkout = this.billing.startCheckout(account, email, Plan.MONTHLY,
				"https://example.org/ok?session_id={CHECKOUT_SESSION_ID}", "https://example.org/plans");
		assertThat(checkout).isInstanceOfSatisfying(CheckoutOutcome.Redirect.class, redirect -> {
			assertThat(redirect.url()).startsWith("https://checkout.stripe.com/");
			assertThat(redirect.trial()).isTrue();
		});

		// What the hosted Checkout would create.
		var customer = this.stripe.v1().customers().list(CustomerListParams.builder().setEmail(email).build()).getData()
				.get(0);
		var card = this.stripe.v1().paymentMethods().attach("pm_card_visa",
				PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build());
		String price = this.stripe.v1().prices()
				.list(PriceListParams.builder().addLookupKey("newsstand_monthly").build()).getData().get(0).getId();
		var subscription = this.stripe.v1().subscriptions()
				.create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
						.addItem(SubscriptionCreateParams.Item.builder().setPrice(price).build())
						.setTrialPeriodDays(14L).setDefaultPaymentMethod(card.getId()).putMetadata("accountId", account)
						.build());
		deliver("customer.subscription.created", customer.getId(), subscription.getId(), "subscription");
		Membership trial = this.billing.membership(account);
		assertThat(trial.state()).isEqualTo(MembershipState.TRIALING);
		assertThat(trial.mayReadInFull()).isTrue();
		Instant trialEnd = trial.trialEndsAt();

		advance(customer.getTestClock(), trialEnd.minus(Duration.ofDays(3)).plusSeconds(60));
		deliver("customer.subscription.trial_will_end", customer.getId(), subscription.getId(), "subscription");
		assertThat(this.reminders.of(account)).hasSize(1);

		advance(customer.getTestClock(), trialEnd.plus(Duration.ofHours(2)));
		deliver("invoice.paid", customer.getId(), subscription.getId(), "subscription");
		Membership active = this.billing.membership(account);
		assertThat(active.state()).isEqualTo(MembershipState.ACTIVE);
		assertThat(active.mayReadInFull()).isTrue();

		var failing = this.stripe.v1().paymentMethods().attach("pm_card_chargeCustomerFail",
				PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build());
		this.stripe.v1().subscriptions().update(subscription.getId(),
				SubscriptionUpdateParams.builder().setDefaultPaymentMethod(failing.getId()).build());
		Instant periodEnd = active.currentPeriodEnd();
		advance(customer.getTestClock(), periodEnd.plus(Duration.ofHours(2)));
		deliver("invoice.payment_failed", customer.getId(), subscription.getId(), "subscription");
		Membership pastDue = this.billing.membership(account);
		assertThat(pastDue.state()).isEqualTo(MembershipState.PAST_DUE);
		assertThat(pastDue.mayReadInFull()).isTrue();

		advance(customer.getTestClock(), periodEnd.plus(Duration.ofDays(8)));
		deliver("customer.subscription.updated", customer.getId(), subscription.getId(), "subscription");
		assertThat(this.billing.membership(account).mayReadInFull()).isFalse();

		this.stripe.v1().subscriptions().cancel(subscription.getId());
		deliver("customer.subscription.deleted", customer.getId(), subscription.getId(), "subscription");
		assertThat(this.billing.membership(account).state()).isEqualTo(MembershipState.LAPSED);

		assertThat(this.billing.startCheckout(account, email, Plan.MONTHLY, "https://example.org/ok",
				"https://example.org/plans")).isInstanceOfSatisfying(CheckoutOutcome.Redirect.class,
						redirect -> assertThat(redirect.trial()).isFalse());
		var again = this.stripe.v1().subscriptions()
				.create(SubscriptionCreateParams.builder().setCustomer(customer.getId())
						.addItem(SubscriptionCreateParams.Item.builder().setPrice(price).build())
						.setDefaultPaymentMethod(card.getId()).build());
		deliver("customer.subscription.created", customer.getId(), again.getId(), "subscription");
		assertThat(this.billing.membership(account).state()).isEqualTo(MembershipState.ACTIVE);

		assertThat(this.billing.cancelAtPeriodEnd(account)).isInstanceOfSatisfying(ChangeOutcome.Done.class,
				done -> assertThat(done.membership().state()).isEqualTo(MembershipState.CANCELING));
		assertThat(this.billing.membership(account).mayReadInFull()).isTrue();
		assertThat(this.billing.resume(account)).isInstanceOfSatisfying(ChangeOutcome.Done.class,
				done -> assertThat(done.membership().state()).isEqualTo(MembershipState.ACTIVE));
		assertThat(this.stripe.v1().subscriptions()
				.list(SubscriptionListParams.builder().setCustomer(customer.getId()).build()).getData()).hasSize(1);
	}

	private void ensurePrice(String lookupKey, long amount, PriceCreateParams.Recurring.Interval interval)
			throws Exception {
		if (!this.stripe.v1().prices().list(PriceListParams.builder().addLookupKey(lookupKey).setActive(true).build())
				.getData().isEmpty()) {
			return;
		}
		var product = this.stripe.v1().products()
				.create(ProductCreateParams.builder().setName("Newsstand Membership").build());
		this.stripe.v1().prices()
				.create(PriceCreateParams.builder().setProduct(product.getId()).setCurrency("eur").setUnitAmount(amount)
						.setLookupKey(lookupKey).setTransferLookupKey(true)
						.setRecurring(PriceCreateParams.Recurring.builder().setInterval(interval).build()).build());
	}

	/**
	 * Advances a Stripe test clock and waits (Stripe works asynchronously) until it
	 * is ready.
	 */
	private void advance(String clock, Instant to) throws Exception {
		this.stripe.v1().testHelpers().testClocks().advance(clock,
				TestClockAdvanceParams.builder().setFrozenTime(to.getEpochSecond()).build());
		await().alias("test clock " + clock + " ready").atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> this.stripe.v1().testHelpers().testClocks().retrieve(clock).getStatus(), "ready"::equals);
	}

	/**
	 * Delivers the webhook Stripe would send (billing re-reads Stripe for the
	 * rest).
	 */
	private void deliver(String type, String customer, String objectId, String object) throws Exception {
		String body = JsonMapper.builder().build()
				.writeValueAsString(Map.of("id", "evt_test_" + System.nanoTime(), "object", "event", "api_version",
						Stripe.API_VERSION, "created", Instant.now().getEpochSecond(), "type", type, "livemode", false,
						"data", Map.of("object", Map.of("id", objectId, "object", object, "customer", customer))));
		HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/stripe/webhook"))
						.header("Content-Type", "application/json")
						.header("Stripe-Signature", Webhook.Signature.generateSignatureHeader(body, WEBHOOK_SECRET))
						.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

}
