package io.newsstand.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.stripesandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One trial per card: a second account whose trial uses a card that already
 * paid for another account's trial is charged at once instead.
 */
@BillingTest(properties = "newsstand.billing.card-fingerprint-check=true")
class CardFingerprintTest {

	@LocalServerPort
	int port;

	@Autowired
	Billing billing;

	@Autowired
	Sandbox sandbox;

	@Test
	void aCardUsedForOneTrialDoesNotStartAnother() throws Exception {
		BillingTestSupport stripe = BillingTestSupport.of(this.port, this.sandbox);
		String first = BillingTestSupport.newAccount();
		String second = BillingTestSupport.newAccount();
		for (String account : new String[]{first, second}) {
			CheckoutOutcome outcome = this.billing.startCheckout(account, BillingTestSupport.emailOf(account),
					Plan.MONTHLY, "http://app.test/ok", "http://app.test/plans");
			assertThat(((CheckoutOutcome.Redirect) outcome).trial()).isTrue();
			stripe.completeCheckout(BillingTestSupport.sessionId(outcome), "pm_card_mastercard");
		}
		assertThat(this.billing.membership(first).state()).isEqualTo(MembershipState.TRIALING);
		Membership charged = this.billing.membership(second);
		assertThat(charged.state()).isEqualTo(MembershipState.ACTIVE);
		assertThat(charged.mayReadInFull()).isTrue();
	}

}
