package io.newsstand.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.billing.internal.Reconciler;
import io.newsstand.stripesandbox.Sandbox;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole life of a membership through the real SDK against the Stripe
 * sandbox over HTTP, with webhooks delivered back to the app, asserting at each
 * step what the reader may read.
 */
@BillingTest
class MembershipLifecycleTest {

	@LocalServerPort
	int port;

	@Autowired
	Billing billing;

	@Autowired
	Sandbox sandbox;

	@Autowired
	BillingTestApplication.Reminders reminders;

	@Autowired
	Reconciler reconciler;

	BillingTestSupport stripe;

	@BeforeEach
	void setUp() {
		this.stripe = BillingTestSupport.of(this.port, this.sandbox);
	}

	@Test
	void trialRemindersConversionRenewalFailedPaymentLapseResubscribeCancelAndResume() throws Exception {
		String account = BillingTestSupport.newAccount();
		String email = BillingTestSupport.emailOf(account);
		assertThat(this.billing.membership(account).state()).isEqualTo(MembershipState.NONE);
		assertThat(this.billing.membership(account).mayReadInFull()).isFalse();
		assertThat(this.billing.trialEligibility(account, email).eligible()).isTrue();

		// Trial started.
		CheckoutOutcome checkout = this.billing.startCheckout(account, email, Plan.MONTHLY,
				"http://app.test/billing/success?session_id={CHECKOUT_SESSION_ID}", "http://app.test/plans");
		assertThat(checkout).isInstanceOfSatisfying(CheckoutOutcome.Redirect.class,
				redirect -> assertThat(redirect.trial()).isTrue());
		String session = BillingTestSupport.sessionId(checkout);
		this.stripe.completeCheckout(session, "pm_card_visa");
		assertThat(this.billing.completeCheckout(account, session)).isInstanceOfSatisfying(ChangeOutcome.Done.class,
				done -> assertThat(done.membership().state()).isEqualTo(MembershipState.TRIALING));
		Membership trial = this.billing.membership(account);
		assertThat(trial.state()).isEqualTo(MembershipState.TRIALING);
		assertThat(trial.mayReadInFull()).isTrue();
		assertThat(trial.plan()).isEqualTo(Plan.MONTHLY);
		Instant trialEnd = trial.trialEndsAt();
		assertThat(trialEnd).isEqualTo(Instant.ofEpochSecond(this.stripe.clockTime(email)).plus(Duration.ofDays(14)));

		// Stripe's trial_will_end, three days before: one reminder.
		this.stripe.advanceTo(email, trialEnd.minus(Duration.ofDays(3)).plusSeconds(60));
		assertThat(this.reminders.of(account)).singleElement().satisfies(reminder -> {
			assertThat(reminder.daysLeft()).isEqualTo(3);
			assertThat(reminder.email()).isEqualTo(email);
			assertThat(reminder.trialEndsAt()).isEqualTo(trialEnd);
			assertThat(reminder.amount()).isEqualTo(900);
			assertThat(reminder.currency()).isEqualTo("eur");
			assertThat(reminder.plan()).isEqualTo(Plan.MONTHLY);
		});
		assertThat(this.billing.membership(account).mayReadInFull()).isTrue();

		// One day before: the reconcile's reminder, once however often it runs.
		this.stripe.advanceTo(email, trialEnd.minus(Duration.ofHours(23)));
		this.reconciler.reconcileAll();
		this.reconciler.reconcileAll();
		assertThat(this.reminders.of(account)).hasSize(2).last()
				.satisfies(reminder -> assertThat(reminder.daysLeft()).isEqualTo(1));

		// The trial converts and the first invoice is paid.
		this.stripe.advanceTo(email, trialEnd.plusSeconds(3600));
		Membership active = this.billing.membership(account);
		assertThat(active.state()).isEqualTo(MembershipState.ACTIVE);
		assertThat(active.mayReadInFull()).isTrue();
		Instant firstPeriodEnd = active.currentPeriodEnd();
		assertThat(firstPeriodEnd).isAfter(trialEnd.plus(Duration.ofDays(27)));

		// Renewal.
		this.stripe.advanceTo(email, firstPeriodEnd.plusSeconds(3600));
		Membership renewed = this.billing.membership(account);
		assertThat(renewed.state()).isEqualTo(MembershipState.ACTIVE);
		assertThat(renewed.currentPeriodEnd()).isAfter(firstPeriodEnd.plus(Duration.ofDays(27)));

		// A payment fails: past due, still reading within the grace period.
		String subscription = this.stripe.liveSubscription(email);
		this.stripe.useCard(email, subscription, "pm_card_chargeCustomerFail");
		Instant failedAt = renewed.currentPeriodEnd();
		this.stripe.advanceTo(email, failedAt.plusSeconds(3600));
		Membership pastDue = this.billing.membership(account);
		assertThat(pastDue.state()).isEqualTo(MembershipState.PAST_DUE);
		assertThat(pastDue.mayReadInFull()).isTrue();
		assertThat(pastDue.graceEndsAt()).isEqualTo(failedAt.plus(Duration.ofDays(7)));

		// The grace period runs out while Stripe still retries: lapsed.
		this.stripe.advanceTo(email, failedAt.plus(Duration.ofDays(8)));
		Membership lapsed = this.billing.membership(account);
		assertThat(lapsed.state()).isEqualTo(MembershipState.LAPSED);
		assertThat(lapsed.mayReadInFull()).isFalse();

		// Stripe gives up and cancels.
		this.stripe.advanceTo(email, failedAt.plus(Duration.ofDays(15)));
		assertThat(this.billing.membership(account).state()).isEqualTo(MembershipState.LAPSED);
		assertThat(this.billing.membership(account).mayReadInFull()).isFalse();

		// The reader resubscribes: no second trial.
		assertThat(this.billing.trialEligibility(account, email).refusal()).contains("already had its free trial");
		CheckoutOutcome again = this.billing.startCheckout(account, email, Plan.MONTHLY,
				"http://app.test/billing/success?session_id={CHECKOUT_SESSION_ID}", "http://app.test/plans");
		assertThat(again).isInstanceOfSatisfying(CheckoutOutcome.Redirect.class, redirect -> {
			assertThat(redirect.trial()).isFalse();
			assertThat(redirect.trialRefusal()).contains("already had its free trial");
		});
		String second = BillingTestSupport.sessionId(again);
		this.stripe.completeCheckout(second, "pm_card_visa");
		this.billing.completeCheckout(account, second);
		Membership back = this.billing.membership(account);
		assertThat(back.state()).isEqualTo(MembershipState.ACTIVE);
		assertThat(back.mayReadInFull()).isTrue();
		assertThat(back.trialEndsAt()).isNull();

		// Cancels at period end: reads until the period ends.
		assertThat(this.billing.cancelAtPeriodEnd(account)).isInstanceOfSatisfying(ChangeOutcome.Done.class,
				done -> assertThat(done.membership().state()).isEqualTo(MembershipState.CANCELING));
		this.stripe.advanceBy(email, Duration.ofDays(10));
		Membership canceling = this.billing.membership(account);
		assertThat(canceling.state()).isEqualTo(MembershipState.CANCELING);
		assertThat(canceling.cancelAtPeriodEnd()).isTrue();
		assertThat(canceling.mayReadInFull()).isTrue();

		// Resumes.
		assertThat(this.billing.resume(account)).isInstanceOfSatisfying(ChangeOutcome.Done.class,
				done -> assertThat(done.membership().state()).isEqualTo(MembershipState.ACTIVE));
		this.stripe.advanceTo(email, back.currentPeriodEnd().plusSeconds(3600));
		assertThat(this.billing.membership(account).state()).isEqualTo(MembershipState.ACTIVE);
		assertThat(this.billing.membership(account).mayReadInFull()).isTrue();
		assertThat(this.reminders.of(account)).hasSize(2);
	}

}
