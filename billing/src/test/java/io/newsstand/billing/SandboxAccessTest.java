package io.newsstand.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.param.CustomerCreateParams;
import io.newsstand.stripesandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sandbox obeys only its own secret key, on the API and on its controls,
 * answering every other one (also a well-formed {@code sk_test_} key) with
 * Stripe's 401; malformed calls are Stripe's 400; its hosted pages serve only
 * the account they were opened for, through an unguessable id.
 */
@BillingTest
class SandboxAccessTest {

	private static final String SUCCESS = "http://app.test/billing/success?session_id={CHECKOUT_SESSION_ID}";

	private static final String CANCEL = "http://app.test/membership";

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Billing billing;

	@Autowired
	Sandbox sandbox;

	BillingTestSupport stripe;

	@BeforeEach
	void setUp() {
		this.stripe = BillingTestSupport.of(this.port, this.sandbox);
	}

	private HttpResponse<String> call(String method, String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.method(method, HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String trial(String account) throws Exception {
		String session = BillingTestSupport.sessionId(this.billing.startCheckout(account,
				BillingTestSupport.emailOf(account), Plan.MONTHLY, SUCCESS, CANCEL));
		this.stripe.completeCheckout(session, "pm_card_visa");
		return session;
	}

	@ParameterizedTest
	@ValueSource(strings = {"Bearer sk_test_someoneElsesKeyThatLooksFine", "Bearer sk_test_", "Bearer sk_live_x",
			"Basic c2tfdGVzdF94Og==", ""})
	void anyOtherKeyGetsStripes401OnTheApiAndTheControls(String authorization) throws Exception {
		String account = BillingTestSupport.newAccount();
		trial(account);
		String email = BillingTestSupport.emailOf(account);
		String subscription = this.stripe.liveSubscription(email);
		String clock = this.stripe.stripe().v1().customers().retrieve(this.stripe.customerId(email)).getTestClock();
		String auth = authorization.isEmpty() ? null : authorization;

		for (HttpResponse<String> response : new HttpResponse[]{call("GET", "/sandbox/stripe/v1/customers", auth),
				call("DELETE", "/sandbox/stripe/v1/subscriptions/" + subscription, auth),
				call("POST", "/sandbox/stripe/v1/test_helpers/test_clocks/" + clock + "/advance?frozen_time=4000000000",
						auth),
				call("POST", "/sandbox/stripe/_control/faults?fail=5", auth)}) {
			assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(401);
			assertThat(response.body()).contains("\"error\"").contains("\"type\":\"invalid_request_error\"")
					.doesNotContain(BillingTestSupport.KEY).doesNotContain("cus_");
		}
		assertThat(this.billing.membership(account).mayReadInFull()).as("nothing was cancelled").isTrue();
		assertThat(this.stripe.clockTime(email)).as("the clock did not move").isLessThan(4000000000L);
		assertThat(call("GET", "/sandbox/stripe/v1/customers", BillingTestSupport.AUTHORIZATION).statusCode())
				.as("the API still works, no fault was injected").isEqualTo(200);
	}

	@Test
	void listingSubscriptionsWithoutACustomerIsStripes400() throws Exception {
		HttpResponse<String> response = call("GET", "/sandbox/stripe/v1/subscriptions",
				BillingTestSupport.AUTHORIZATION);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"type\":\"invalid_request_error\"", "\"param\":\"customer\"");
		assertThat(
				call("GET", "/sandbox/stripe/v1/customers?limit=1000", BillingTestSupport.AUTHORIZATION).statusCode())
				.isEqualTo(400);
		assertThat(call("POST", "/sandbox/stripe/_control/faults?fail=lots", BillingTestSupport.AUTHORIZATION)
				.statusCode()).isEqualTo(400);
	}

	@Test
	void theCheckoutPageServesOnlyItsOwnAccountThroughAnUnguessableId() throws Exception {
		String account = BillingTestSupport.newAccount();
		CheckoutOutcome outcome = this.billing.startCheckout(account, BillingTestSupport.emailOf(account), Plan.MONTHLY,
				SUCCESS, CANCEL);
		String url = ((CheckoutOutcome.Redirect) outcome).url();
		assertThat(url).matches("/sandbox/stripe/checkout/cs_test_[A-Za-z0-9]{24}");
		String other = BillingTestSupport.newAccount();

		assertThat(this.stripe.get(url).statusCode()).as("anonymous").isEqualTo(401);
		assertThat(this.stripe.getAs(other, url).statusCode()).as("another account").isEqualTo(404);
		assertThat(this.stripe.postAs(other, url, "cardNumber=4242424242424242").statusCode()).isEqualTo(404);
		assertThat(this.stripe.post(url, "cardNumber=4242424242424242", null).statusCode()).isEqualTo(401);
		String guessed = url.substring(0, url.length() - 1) + (url.endsWith("a") ? "b" : "a");
		assertThat(this.stripe.getAs(account, guessed).statusCode()).isEqualTo(404);
		assertThat(this.billing.membership(account).mayReadInFull()).isFalse();

		assertThat(this.stripe.getAs(account, url).statusCode()).isEqualTo(200);
		assertThat(this.stripe.postAs(account, url, "cardNumber=4242424242424242").statusCode()).isEqualTo(303);
	}

	@Test
	void thePortalServesOnlyItsOwnAccountAndMovesOnlyItsClock() throws Exception {
		String account = BillingTestSupport.newAccount();
		trial(account);
		String email = BillingTestSupport.emailOf(account);
		String url = ((PortalOutcome.Redirect) this.billing.portal(account, "http://app.test/account")).url();
		assertThat(url).matches("/sandbox/stripe/portal/bps_[A-Za-z0-9]{24}");
		String other = BillingTestSupport.newAccount();
		long before = this.stripe.clockTime(email);

		assertThat(this.stripe.get(url).statusCode()).isEqualTo(401);
		assertThat(this.stripe.getAs(other, url).statusCode()).isEqualTo(404);
		for (String action : new String[]{"cancel", "switch", "card", "advance"}) {
			assertThat(
					this.stripe.postAs(other, url + "/" + action, "days=30&cardNumber=4242424242424242").statusCode())
					.as(action).isEqualTo(404);
			assertThat(this.stripe.post(url + "/" + action, "days=30", null).statusCode()).as(action).isEqualTo(401);
		}
		assertThat(this.billing.membership(account).state()).isEqualTo(MembershipState.TRIALING);
		assertThat(this.stripe.clockTime(email)).isEqualTo(before);

		assertThat(this.stripe.postAs(account, url + "/advance", "days=100000").headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).contains("error="));
		assertThat(this.stripe.postAs(account, url + "/advance", "days=1").statusCode()).isEqualTo(303);
		assertThat(this.stripe.clockTime(email)).isEqualTo(before + 86_400);
	}

	@Test
	void thePortalDoesNotMoveAClockOtherCustomersLiveOn() throws Exception {
		String account = BillingTestSupport.newAccount();
		trial(account);
		String email = BillingTestSupport.emailOf(account);
		String clock = this.stripe.stripe().v1().customers().retrieve(this.stripe.customerId(email)).getTestClock();
		this.stripe.stripe().v1().customers()
				.create(CustomerCreateParams.builder().setEmail("neighbour@example.org").setTestClock(clock).build());
		long before = this.stripe.clockTime(email);
		String url = ((PortalOutcome.Redirect) this.billing.portal(account, "http://app.test/account")).url();

		assertThat(this.stripe.postAs(account, url + "/advance", "days=1").headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).contains("error="));
		assertThat(this.stripe.clockTime(email)).isEqualTo(before);
		assertThat(Pattern.compile("id=\"error\"").matcher(this.stripe.getAs(account, url + "?error=x").body()).find())
				.isTrue();
	}

}
