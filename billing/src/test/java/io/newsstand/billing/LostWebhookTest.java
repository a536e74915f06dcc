package io.newsstand.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.billing.internal.Reconciler;
import io.newsstand.stripesandbox.Sandbox;
import io.newsstand.stripesandbox.SandboxFaults;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A checkout whose webhooks are all lost (the app answered 500 and Stripe gave
 * up, as after a crash) still becomes a membership: the Reconciler, and the
 * reader's own page, read it from Stripe.
 */
@BillingTest(properties = {"newsstand.billing.sandbox.webhook-max-attempts=1",
		"newsstand.billing.max-network-retries=0",
		// Only the test runs the Reconciler here (ReconcilerAtStartTest runs the
		// scheduled one).
		"newsstand.billing.reconcile-initial-delay=1h"})
class LostWebhookTest {

	@LocalServerPort
	int port;

	@Autowired
	Billing billing;

	@Autowired
	Sandbox sandbox;

	@Autowired
	SandboxFaults faults;

	@Autowired
	Reconciler reconciler;

	BillingTestSupport stripe;

	@BeforeEach
	void setUp() {
		this.stripe = BillingTestSupport.of(this.port, this.sandbox);
	}

	@AfterEach
	void tearDown() {
		this.faults.clear();
	}

	/**
	 * Checkouts completed at Stripe whose every webhook failed: the sync each
	 * triggers meets Stripe errors, the endpoint answers 500, and the sandbox (one
	 * attempt) gives up.
	 */
	static List<String> checkoutsWithLostWebhooks(Billing billing, BillingTestSupport stripe, SandboxFaults faults,
			int count) throws Exception {
		List<String> accounts = new ArrayList<>();
		List<String> sessions = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String account = BillingTestSupport.newAccount();
			accounts.add(account);
			sessions.add(BillingTestSupport.sessionId(billing.startCheckout(account,
					BillingTestSupport.emailOf(account), Plan.MONTHLY, "http://app.test/ok", "http://app.test/plans")));
		}
		faults.failNext(1_000_000);
		try {
			for (String session : sessions) {
				stripe.completeCheckout(session, "pm_card_visa");
			}
		} finally {
			faults.clear();
		}
		for (String account : accounts) {
			assertThat(billing.membership(account).state()).as("webhooks of %s lost", account)
					.isEqualTo(MembershipState.NONE);
		}
		return accounts;
	}

	@Test
	void theReconcilerBringsEveryCheckoutWhoseWebhooksWereLostToItsTrial() throws Exception {
		List<String> accounts = checkoutsWithLostWebhooks(this.billing, this.stripe, this.faults, 3);

		assertThat(this.reconciler.reconcileAll()).isZero();

		for (String account : accounts) {
			Membership membership = this.billing.membership(account);
			assertThat(membership.state()).as(account).isEqualTo(MembershipState.TRIALING);
			assertThat(membership.mayReadInFull()).isTrue();
		}
	}

	@Test
	void theReadersOwnPageSyncsWhileACheckoutIsPending() throws Exception {
		String account = checkoutsWithLostWebhooks(this.billing, this.stripe, this.faults, 1).get(0);

		Membership own = this.billing.ownMembership(account);

		assertThat(own.state()).isEqualTo(MembershipState.TRIALING);
		assertThat(own.mayReadInFull()).isTrue();
		assertThat(this.billing.membership(account).state()).as("snapshot rewritten")
				.isEqualTo(MembershipState.TRIALING);
	}

	@Test
	void anAccountWithoutACheckoutIsNotSyncedOnRead() {
		String account = BillingTestSupport.newAccount();
		assertThat(this.billing.ownMembership(account)).isEqualTo(Membership.none(account));
	}

}
