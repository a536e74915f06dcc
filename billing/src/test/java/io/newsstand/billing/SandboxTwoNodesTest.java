package io.newsstand.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.param.CustomerListParams;
import com.stripe.param.SubscriptionListParams;
import io.newsstand.stripesandbox.Sandbox;
import io.newsstand.testing.RedisTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two app nodes on one Redis share one Stripe sandbox: a checkout completed
 * through node A's sandbox is a customer and a subscription node B's sandbox
 * knows, so B's sync makes the reader a member instead of resetting them.
 */
class SandboxTwoNodesTest {

	private static ConfigurableApplicationContext node(String redis) {
		return new SpringApplicationBuilder(BillingTestApplication.class).run("--server.port=0",
				"--spring.data.redis.url=" + redis);
	}

	@Test
	void aCheckoutThroughNodeAIsKnownToNodeB() throws Exception {
		String redis = RedisTestServer.get().leaseDatabase().url();
		try (ConfigurableApplicationContext a = node(redis); ConfigurableApplicationContext b = node(redis)) {
			BillingTestSupport stripeA = BillingTestSupport.of(port(a), a.getBean(Sandbox.class));
			String account = BillingTestSupport.newAccount();
			String email = BillingTestSupport.emailOf(account);
			CheckoutOutcome outcome = a.getBean(Billing.class).startCheckout(account, email, Plan.MONTHLY,
					"http://app.test/ok?session_id={CHECKOUT_SESSION_ID}", "http://app.test/plans");
			String session = BillingTestSupport.sessionId(outcome);
			stripeA.completeCheckout(session, "pm_card_visa");

			StripeClient stripeB = BillingTestSupport.of(port(b), b.getBean(Sandbox.class)).stripe();
			var customers = stripeB.v1().customers().list(CustomerListParams.builder().setEmail(email).build());
			assertThat(customers.getData()).hasSize(1);
			var subscriptions = stripeB.v1().subscriptions()
					.list(SubscriptionListParams.builder().setCustomer(customers.getData().get(0).getId()).build());
			assertThat(subscriptions.getData()).singleElement()
					.satisfies(s -> assertThat(s.getStatus()).isEqualTo("trialing"));

			assertThat(b.getBean(Billing.class).completeCheckout(account, session)).isInstanceOfSatisfying(
					ChangeOutcome.Done.class, done -> assertThat(done.membership().mayReadInFull()).isTrue());
			assertThat(a.getBean(Billing.class).membership(account).state()).isEqualTo(MembershipState.TRIALING);
		}
	}

	private static int port(ConfigurableApplicationContext app) {
		return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
	}

}
