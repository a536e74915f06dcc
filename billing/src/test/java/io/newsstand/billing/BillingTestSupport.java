package io.newsstand.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.CustomerListParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.SubscriptionListParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import io.newsstand.stripesandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * What billing's end-to-end tests do to Stripe from outside the app: move a
 * reader's test clock, complete a checkout as the hosted page would, swap the
 * card. All through the real SDK (or plain HTTP for the sandbox's own test
 * helper) against the sandbox on the test app's port.
 */
record BillingTestSupport(StripeClient stripe, String baseUrl, Sandbox sandbox) {

	private static final HttpClient http = HttpClient.newHttpClient();

	/**
	 * The sandbox key the tests configure
	 * (src/test/resources/application.properties).
	 */
	static final String KEY = "sk_test_billing_tests_0123456789";

	static final String AUTHORIZATION = "Bearer " + KEY;

	static BillingTestSupport of(int port, Sandbox sandbox) {
		String base = "http://127.0.0.1:" + port;
		return new BillingTestSupport(
				StripeClient.builder().setApiKey(KEY).setApiBase(base + "/sandbox/stripe").build(), base, sandbox);
	}

	static String newAccount() {
		return "acct-" + UUID.randomUUID();
	}

	static String emailOf(String account) {
		return account + "@example.com";
	}

	static String sessionId(CheckoutOutcome outcome) {
		assertThat(outcome).isInstanceOf(CheckoutOutcome.Redirect.class);
		String url = ((CheckoutOutcome.Redirect) outcome).url();
		return url.substring(url.lastIndexOf('/') + 1);
	}

	String customerId(String email) throws StripeException {
		var customers = this.stripe.v1().customers().list(CustomerListParams.builder().setEmail(email).build());
		assertThat(customers.getData()).hasSize(1);
		return customers.getData().get(0).getId();
	}

	long clockTime(String email) throws StripeException {
		var customer = this.stripe.v1().customers().retrieve(customerId(email));
		return this.stripe.v1().testHelpers().testClocks().retrieve(customer.getTestClock()).getFrozenTime();
	}

	/** Moves the reader's test clock to a moment and waits for the webhooks. */
	void advanceTo(String email, Instant to) throws Exception {
		var customer = this.stripe.v1().customers().retrieve(customerId(email));
		this.stripe.v1().testHelpers().testClocks().advance(customer.getTestClock(),
				TestClockAdvanceParams.builder().setFrozenTime(to.getEpochSecond()).build());
		awaitWebhooks();
	}

	void advanceBy(String email, Duration duration) throws Exception {
		advanceTo(email, Instant.ofEpochSecond(clockTime(email)).plus(duration));
	}

	void awaitWebhooks() throws InterruptedException {
		assertThat(this.sandbox.awaitDeliveries(Duration.ofSeconds(30))).as("webhooks delivered").isTrue();
	}

	/**
	 * Completes a checkout session as Stripe's hosted page would, with a test
	 * payment method.
	 */
	void completeCheckout(String sessionId, String paymentMethod) throws Exception {
		HttpResponse<String> response = post(
				"/sandbox/stripe/v1/test_helpers/checkout/sessions/" + sessionId + "/complete",
				paymentMethod.isEmpty() ? "" : "payment_method=" + paymentMethod, AUTHORIZATION);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		awaitWebhooks();
	}

	/** Replaces the card of the reader's subscription with a Stripe test card. */
	void useCard(String email, String subscriptionId, String testPaymentMethod) throws Exception {
		String customer = customerId(email);
		var method = this.stripe.v1().paymentMethods().attach(testPaymentMethod,
				PaymentMethodAttachParams.builder().setCustomer(customer).build());
		this.stripe.v1().subscriptions().update(subscriptionId,
				SubscriptionUpdateParams.builder().setDefaultPaymentMethod(method.getId()).build());
		awaitWebhooks();
	}

	String liveSubscription(String email) throws StripeException {
		var subscriptions = this.stripe.v1().subscriptions()
				.list(SubscriptionListParams.builder().setCustomer(customerId(email)).build());
		assertThat(subscriptions.getData()).hasSize(1);
		return subscriptions.getData().get(0).getId();
	}

	HttpResponse<String> post(String path, String form, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A hosted page as the signed-in reader of an account sees it. */
	HttpResponse<String> getAs(String account, String path) throws Exception {
		return http.send(
				HttpRequest.newBuilder(URI.create(this.baseUrl + path))
						.header(BillingTestApplication.READER_HEADER, account).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A hosted page's form posted by the signed-in reader of an account. */
	HttpResponse<String> postAs(String account, String path, String form) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header(BillingTestApplication.READER_HEADER, account).POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
