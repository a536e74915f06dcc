package io.newsstand.billing.internal;

import io.newsstand.billing.CheckoutOutcome;
import io.newsstand.billing.TrialEligibility;
import java.time.InstantSource;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a reader's checkout (under the account's lock, which the caller holds):
 * the account's one Stripe customer, an open session reused when it is for the
 * same price, the trial reserved, and a session created with an idempotency key
 * that includes the checkout generation, so a finished session is never handed
 * out again.
 */
final class CheckoutSessions {

	private static final Logger log = LoggerFactory.getLogger(CheckoutSessions.class);

	private final MembershipStore store;

	private final MembershipSync sync;

	private final StripeGateway stripe;

	private final TrialLedger ledger;

	private final BillingProperties properties;

	private final InstantSource clock;

	private final boolean testClocks;

	CheckoutSessions(MembershipStore store, MembershipSync sync, StripeGateway stripe, TrialLedger ledger,
			BillingProperties properties, InstantSource clock, boolean testClocks) {
		this.store = store;
		this.sync = sync;
		this.stripe = stripe;
		this.ledger = ledger;
		this.properties = properties;
		this.clock = clock;
		this.testClocks = testClocks;
	}

	/** Where the reader goes next for {@code price}. */
	CheckoutOutcome open(String accountId, String email, StripeRecords.Price price, String successUrl,
			String cancelUrl) {
		return checkout(accountId, email, price, successUrl, cancelUrl, true);
	}

	private CheckoutOutcome checkout(String accountId, String email, StripeRecords.Price price, String successUrl,
			String cancelUrl, boolean firstTry) {
		String customerId = customer(accountId, email);
		Snapshot snapshot = this.sync.syncAccount(accountId, customerId);
		if (this.store.customerOf(accountId) == null) {
			// The stored customer is gone at Stripe (deleted, or a restarted sandbox).
			if (firstTry) {
				return checkout(accountId, email, price, successUrl, cancelUrl, false);
			}
			throw new IllegalStateException("Stripe lost the new customer of account " + accountId);
		}
		if (snapshot.isLive()) {
			return new CheckoutOutcome.SendToPortal(
					"You already have a membership; manage it (card, plan, cancellation) in the billing portal.");
		}
		MembershipStore.OpenCheckout open = this.store.openCheckout(accountId);
		if (open != null) {
			StripeRecords.Session session = this.stripe.checkoutSession(open.sessionId());
			if (session.status().equals("open") && open.priceId().equals(price.id())) {
				this.store.checkoutStarted(accountId, this.clock.instant());
				return new CheckoutOutcome.Redirect(open.url(), open.trial(), "");
			}
			if (session.status().equals("open")) {
				this.stripe.expireCheckout(session.id());
			}
			this.store.forgetCheckout(accountId);
			this.store.nextCheckoutGeneration(accountId);
		}
		TrialEligibility eligibility = this.ledger.check(accountId, email);
		boolean trial = eligibility.eligible() && this.ledger.reserve(accountId, email);
		String refusal = trial
				? ""
				: Objects.requireNonNullElse(eligibility.refusal(),
						"A free trial has already been used with this e-mail address.");
		// Before the session exists: whatever happens to its webhooks, the Reconciler
		// and the reader's own page look at Stripe until it shows the outcome.
		this.store.checkoutStarted(accountId, this.clock.instant());
		String key = "newsstand-checkout:" + accountId + ":" + price.id() + ":" + trial + ":"
				+ this.store.checkoutGeneration(accountId);
		StripeRecords.Session session = this.stripe.createCheckout(customerId, accountId, price.id(),
				trial ? this.properties.trialDays() : 0, this.properties.cardlessTrial(), successUrl, cancelUrl, key);
		if (!session.status().equals("open") || session.url() == null) {
			// The idempotency key answered with an earlier, finished session: start anew.
			this.store.nextCheckoutGeneration(accountId);
			if (firstTry) {
				return checkout(accountId, email, price, successUrl, cancelUrl, false);
			}
			throw new IllegalStateException("Stripe returned a " + session.status() + " checkout session");
		}
		this.store.rememberCheckout(accountId,
				new MembershipStore.OpenCheckout(session.id(), session.url(), price.id(), trial));
		return new CheckoutOutcome.Redirect(session.url(), trial, refusal);
	}

	/**
	 * The account's one Stripe customer, created (idempotently, under the lock) if
	 * needed.
	 */
	private String customer(String accountId, String email) {
		String existing = this.store.customerOf(accountId);
		if (existing != null) {
			return existing;
		}
		String clock = this.testClocks
				? this.stripe.createTestClock(accountId, this.clock.instant().getEpochSecond(),
						"newsstand-clock:" + accountId + ":" + this.store.checkoutGeneration(accountId))
				: null;
		StripeRecords.Customer customer = this.stripe.createCustomer(accountId, email, clock,
				"newsstand-customer:" + accountId + ":" + this.store.checkoutGeneration(accountId));
		this.store.link(accountId, customer.id());
		log.info("Account {} is Stripe customer {}{}", accountId, customer.id(),
				(clock == null) ? "" : " on test clock " + clock);
		return customer.id();
	}

}
