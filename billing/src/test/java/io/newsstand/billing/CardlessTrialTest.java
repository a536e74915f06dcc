package io.newsstand.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.stripesandbox.Sandbox;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With {@code newsstand.billing.cardless-trial=true}: a trial without a card,
 * cancelled by Stripe at trial end when none was added.
 */
@BillingTest(properties = "newsstand.billing.cardless-trial=true")
class CardlessTrialTest {

	@LocalServerPort
	int port;

	@Autowired
	Billing billing;

	@Autowired
	Sandbox sandbox;

	@Test
	void cardlessTrialThatEndsWithoutACardLapses() throws Exception {
		BillingTestSupport stripe = BillingTestSupport.of(this.port, this.sandbox);
		String account = BillingTestSupport.newAccount();
		String email = BillingTestSupport.emailOf(account);
		CheckoutOutcome outcome = this.billing.startCheckout(account, email, Plan.MONTHLY, "http://app.test/ok",
				"http://app.test/plans");
		String url = ((CheckoutOutcome.Redirect) outcome).url();
		assertThat(stripe.getAs(account, url.substring(url.indexOf("/sandbox/"))).body())
				.contains("A card is optional");
		stripe.completeCheckout(BillingTestSupport.sessionId(outcome), "");
		Membership trial = this.billing.membership(account);
		assertThat(trial.state()).isEqualTo(MembershipState.TRIALING);
		assertThat(trial.mayReadInFull()).isTrue();
		assertThat(this.billing.endTrialNow(account)).isInstanceOfSatisfying(ChangeOutcome.Refused.class,
				refused -> assertThat(refused.reason()).contains("Add a card"));

		Instant trialEnd = trial.trialEndsAt();
		stripe.advanceTo(email, trialEnd.plusSeconds(3600));
		Membership ended = this.billing.membership(account);
		assertThat(ended.state()).isEqualTo(MembershipState.LAPSED);
		assertThat(ended.mayReadInFull()).isFalse();
		assertThat(this.billing.trialEligibility(account, email).eligible()).isFalse();
	}

}
