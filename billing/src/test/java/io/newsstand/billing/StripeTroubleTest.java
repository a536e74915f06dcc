package io.newsstand.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.net.ApiResource;
import com.stripe.param.CustomerListParams;
import io.newsstand.stripesandbox.Sandbox;
import io.newsstand.stripesandbox.SandboxFaults;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Stripe slow or failing during checkout: the reader is told to try again, and
 * no second customer or subscription appears. And the sandbox refuses bad
 * requests the way Stripe does.
 */
@BillingTest(properties = {"newsstand.billing.read-timeout=1s", "newsstand.billing.max-network-retries=2"})
class StripeTroubleTest {

	@LocalServerPort
	int port;

	@Autowired
	Billing billing;

	@Autowired
	Sandbox sandbox;

	@Autowired
	SandboxFaults faults;

	@AfterEach
	void tearDown() {
		this.faults.clear();
	}

	BillingTestSupport stripe() {
		return BillingTestSupport.of(this.port, this.sandbox);
	}

	long customersWith(String email) throws StripeException {
		return stripe().stripe().v1().customers().list(CustomerListParams.builder().setEmail(email).build()).getData()
				.size();
	}

	@Test
	void stripeAnswering500DuringCheckoutAsksTheReaderToTryAgain() throws Exception {
		String account = BillingTestSupport.newAccount();
		String email = BillingTestSupport.emailOf(account);
		this.faults.failNext(1000);
		CheckoutOutcome outcome = this.billing.startCheckout(account, email, Plan.MONTHLY, "http://app.test/ok",
				"http://app.test/plans");
		assertThat(outcome).isInstanceOfSatisfying(CheckoutOutcome.TryAgain.class,
				tryAgain -> assertThat(tryAgain.message()).contains("try again"));
		this.faults.clear();
		assertThat(customersWith(email)).isZero();

		assertThat(
				this.billing.startCheckout(account, email, Plan.MONTHLY, "http://app.test/ok", "http://app.test/plans"))
				.isInstanceOf(CheckoutOutcome.Redirect.class);
		assertThat(customersWith(email)).isOne();
	}

	@Test
	void aBriefStripeErrorIsRetriedBySdk() throws Exception {
		String account = BillingTestSupport.newAccount();
		this.faults.failNext(1);
		assertThat(this.billing.startCheckout(account, BillingTestSupport.emailOf(account), Plan.MONTHLY,
				"http://app.test/ok", "http://app.test/plans")).isInstanceOf(CheckoutOutcome.Redirect.class);
	}

	@Test
	void aResponseLostToTheReadTimeoutIsRetriedWithTheSameIdempotencyKey() throws Exception {
		String account = BillingTestSupport.newAccount();
		String email = BillingTestSupport.emailOf(account);
		this.billing.plans();
		// The next request is applied, but its answer comes after the 1 s read timeout.
		this.faults.slowNext(1, Duration.ofMillis(1500));
		CheckoutOutcome outcome = this.billing.startCheckout(account, email, Plan.MONTHLY, "http://app.test/ok",
				"http://app.test/plans");
		assertThat(outcome).isInstanceOf(CheckoutOutcome.Redirect.class);
		assertThat(customersWith(email)).isOne();
		this.faults.clear();
		assertThat(
				this.billing.startCheckout(account, email, Plan.MONTHLY, "http://app.test/ok", "http://app.test/plans"))
				.isEqualTo(outcome);
	}

	@Test
	void sandboxRejectsUnknownParametersWrongTypesAndBadKeysLikeStripe() {
		StripeClient client = stripe().stripe();
		assertThatThrownBy(() -> client.rawRequest(ApiResource.RequestMethod.POST, "/v1/customers",
				"email=x%40example.org&colour=blue", null))
				.isInstanceOfSatisfying(InvalidRequestException.class, ex -> {
					assertThat(ex.getCode()).isEqualTo("parameter_unknown");
					assertThat(ex.getParam()).isEqualTo("colour");
					assertThat(ex.getStatusCode()).isEqualTo(400);
				});
		assertThatThrownBy(() -> client.rawRequest(ApiResource.RequestMethod.POST, "/v1/test_helpers/test_clocks",
				"frozen_time=tomorrow", null)).isInstanceOfSatisfying(InvalidRequestException.class,
						ex -> assertThat(ex.getCode()).isEqualTo("parameter_invalid_integer"));
		assertThatThrownBy(() -> client.v1().subscriptions().retrieve("sub_missing")).isInstanceOfSatisfying(
				InvalidRequestException.class, ex -> assertThat(ex.getCode()).isEqualTo("resource_missing"));
		StripeClient wrongKey = StripeClient.builder().setApiKey("sk_live_nope")
				.setApiBase("http://127.0.0.1:" + this.port + "/sandbox/stripe").build();
		assertThatThrownBy(() -> wrongKey.v1().customers().retrieve("cus_x"))
				.isInstanceOf(AuthenticationException.class);
	}

}
