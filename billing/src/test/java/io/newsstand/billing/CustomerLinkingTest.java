package io.newsstand.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.newsstand.stripesandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Billing never links an account to a second customer: a customer created by
 * someone else whose {@code metadata.accountId} names an account that already
 * has its customer does not change that account's membership, however its
 * subscription's webhooks arrive.
 */
// Reads the log from standard output: no other class may start or close a
// context meanwhile (that re-initialises logging onto another stream).
@Isolated
@BillingTest
@ExtendWith(OutputCaptureExtension.class)
class CustomerLinkingTest {

	@LocalServerPort
	int port;

	@Autowired
	Billing billing;

	@Autowired
	Sandbox sandbox;

	/**
	 * What an intruder with a Stripe key does: a customer naming the victim's
	 * account, and a long cardless trial completed through Checkout, whose webhooks
	 * the sandbox delivers to the app.
	 */
	String intruderTrialFor(BillingTestSupport stripe, String victim) throws Exception {
		var customer = stripe.stripe().v1().customers().create(CustomerCreateParams.builder()
				.setEmail("intruder@example.com").putMetadata("accountId", victim).build());
		String price = stripe.stripe().v1().prices()
				.list(PriceListParams.builder().addLookupKey("newsstand_monthly").build()).getData().get(0).getId();
		var session = stripe.stripe().v1().checkout().sessions()
				.create(SessionCreateParams.builder().setMode(SessionCreateParams.Mode.SUBSCRIPTION)
						.setCustomer(customer.getId()).setClientReferenceId(victim)
						.addLineItem(SessionCreateParams.LineItem.builder().setPrice(price).setQuantity(1L).build())
						.setSubscriptionData(SessionCreateParams.SubscriptionData.builder().setTrialPeriodDays(700L)
								.putMetadata("accountId", victim).build())
						.setPaymentMethodCollection(SessionCreateParams.PaymentMethodCollection.IF_REQUIRED)
						.setSuccessUrl("http://intruder.test/ok").setCancelUrl("http://intruder.test/no").build());
		stripe.completeCheckout(session.getId(), "");
		return customer.getId();
	}

	@Test
	void aCustomerNamingAnAccountLinkedToAnotherCustomerIsIgnoredAndLogged(CapturedOutput output) throws Exception {
		BillingTestSupport stripe = BillingTestSupport.of(this.port, this.sandbox);
		// A reader who opened a checkout and has not paid: linked, no membership.
		String victim = BillingTestSupport.newAccount();
		CheckoutOutcome outcome = this.billing.startCheckout(victim, BillingTestSupport.emailOf(victim), Plan.MONTHLY,
				"http://app.test/ok", "http://app.test/plans");
		assertThat(outcome).isInstanceOf(CheckoutOutcome.Redirect.class);
		String own = stripe.customerId(BillingTestSupport.emailOf(victim));

		String intruder = intruderTrialFor(stripe, victim);

		Membership after = this.billing.membership(victim);
		assertThat(after.state()).isEqualTo(MembershipState.NONE);
		assertThat(after.mayReadInFull()).isFalse();
		assertThat(this.billing.ownMembership(victim).state()).isEqualTo(MembershipState.NONE);
		assertThat(output.getOut()).containsPattern("WARN .*Ignoring Stripe customer " + intruder
				+ ": it names account " + victim + ", which is linked to customer " + own);
	}

	@Test
	void aMembersTrialIsNotReplacedByAnotherCustomersTrial() throws Exception {
		BillingTestSupport stripe = BillingTestSupport.of(this.port, this.sandbox);
		String member = BillingTestSupport.newAccount();
		CheckoutOutcome outcome = this.billing.startCheckout(member, BillingTestSupport.emailOf(member), Plan.MONTHLY,
				"http://app.test/ok", "http://app.test/plans");
		stripe.completeCheckout(BillingTestSupport.sessionId(outcome), "pm_card_visa");
		Membership before = this.billing.membership(member);
		assertThat(before.state()).isEqualTo(MembershipState.TRIALING);

		intruderTrialFor(stripe, member);

		Membership after = this.billing.membership(member);
		assertThat(after.state()).isEqualTo(MembershipState.TRIALING);
		assertThat(after.trialEndsAt()).isEqualTo(before.trialEndsAt());
	}

}
