package io.newsstand.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.stripesandbox.Sandbox;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Grace after a failed payment is for subscriptions that have paid: a throwaway
 * account whose first charge fails reads teasers and is told to update its
 * card. (MembershipLifecycleTest shows a paying member's grace.)
 */
@BillingTest(properties = "newsstand.billing.card-fingerprint-check=true")
class GraceAfterFailedPaymentTest {

	/** Stripe's test card 4000 0000 0000 0341: attaches, every charge fails. */
	static final String FAILING_CARD = "pm_card_chargeCustomerFail";

	@LocalServerPort
	int port;

	@Autowired
	Billing billing;

	@Autowired
	Sandbox sandbox;

	String trial(BillingTestSupport stripe, String card) throws Exception {
		String account = BillingTestSupport.newAccount();
		CheckoutOutcome outcome = this.billing.startCheckout(account, BillingTestSupport.emailOf(account), Plan.MONTHLY,
				"http://app.test/ok", "http://app.test/plans");
		assertThat(((CheckoutOutcome.Redirect) outcome).trial()).isTrue();
		stripe.completeCheckout(BillingTestSupport.sessionId(outcome), card);
		return account;
	}

	static void teaserWithUpdateCard(Membership membership) {
		assertThat(membership.state()).isEqualTo(MembershipState.PAST_DUE);
		assertThat(membership.mayReadInFull()).isFalse();
		assertThat(membership.graceEndsAt()).isNull();
		assertThat(membership.updateCard()).isTrue();
		assertThat(membership.reason()).contains("first payment failed").contains("update your card");
	}

	@Test
	void aFirstChargeThatFailsGetsNoGraceWhetherTheTrialEndsOnTimeOrAtOnce() throws Exception {
		BillingTestSupport stripe = BillingTestSupport.of(this.port, this.sandbox);
		String first = trial(stripe, FAILING_CARD);
		Membership trial = this.billing.membership(first);
		assertThat(trial.state()).isEqualTo(MembershipState.TRIALING);
		assertThat(trial.mayReadInFull()).isTrue();

		// The trial ends and its first charge fails.
		stripe.advanceTo(BillingTestSupport.emailOf(first), trial.trialEndsAt().plus(Duration.ofHours(1)));
		teaserWithUpdateCard(this.billing.membership(first));

		// One trial per card: a throwaway account's trial on the same card ends at
		// once, and its charge fails.
		String second = trial(stripe, FAILING_CARD);
		teaserWithUpdateCard(this.billing.membership(second));
	}

}
