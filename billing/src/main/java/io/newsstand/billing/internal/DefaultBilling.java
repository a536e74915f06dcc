package io.newsstand.billing.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsstand.billing.Billing;
import io.newsstand.billing.ChangeOutcome;
import io.newsstand.billing.CheckoutOutcome;
import io.newsstand.billing.Membership;
import io.newsstand.billing.Plan;
import io.newsstand.billing.PortalOutcome;
import io.newsstand.billing.TrialEligibility;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The billing module's service: memberships read from Redis; checkout, portal
 * and self-service changes through Stripe, each followed by a sync so the
 * reader sees the result at once.
 */
@Service
class DefaultBilling implements Billing {

	private static final Logger log = LoggerFactory.getLogger(DefaultBilling.class);

	static final String TRY_AGAIN = "Payments are not reachable right now. Nothing was charged; please try again in a moment.";

	private final MembershipStore store;

	private final MembershipSync sync;

	private final StripeGateway stripe;

	private final AccountLock lock;

	private final TrialLedger ledger;

	private final Plans plans;

	private final AccessRule rule;

	private final BillingProperties properties;

	private final boolean paymentsSimulated;

	private final InstantSource clock;

	private final CheckoutSessions checkouts;

	private final MeterRegistry meters;

	DefaultBilling(MembershipStore store, MembershipSync sync, StripeGateway stripe, AccountLock lock,
			TrialLedger ledger, Plans plans, AccessRule rule, BillingProperties properties,
			ObjectProvider<InstantSource> clock, StripeConnection connection, ObjectProvider<MeterRegistry> meters) {
		this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
		this.store = store;
		this.sync = sync;
		this.stripe = stripe;
		this.lock = lock;
		this.ledger = ledger;
		this.plans = plans;
		this.rule = rule;
		this.properties = properties;
		this.clock = clock.getIfAvailable(InstantSource::system);
		this.paymentsSimulated = connection.sandbox();
		this.checkouts = new CheckoutSessions(store, sync, stripe, ledger, properties, this.clock,
				Objects.requireNonNullElse(properties.testClocks(), connection.sandbox()));
	}

	@Override
	public Membership membership(String accountId) {
		return this.rule.evaluate(accountId, this.store.read(accountId), this.clock.instant());
	}

	@Override
	public Membership ownMembership(String accountId) {
		Snapshot snapshot = this.store.read(accountId);
		if ((snapshot == null || snapshot.isFinal()) && this.store.checkoutPending(accountId)
				&& this.store.claimReadSync(accountId)) {
			String customerId = this.store.customerOf(accountId);
			if (customerId != null) {
				try {
					snapshot = this.sync.syncAccount(accountId, customerId);
				} catch (StripeRecords.Failure failure) {
					log.warn("Sync of account {} (customer {}) for its own page failed: {}", accountId, customerId,
							failure.getMessage());
				}
			}
		}
		return this.rule.evaluate(accountId, snapshot, this.clock.instant());
	}

	@Override
	public List<Plan> plans() {
		return this.plans.all();
	}

	@Override
	public TrialEligibility trialEligibility(String accountId, String email) {
		return this.ledger.check(accountId, email);
	}

	@Override
	public CheckoutOutcome startCheckout(String accountId, String email, String plan, String successUrl,
			String cancelUrl) {
		try {
			StripeRecords.Price price = this.plans.price(plan);
			return this.lock.run(accountId, () -> this.checkouts.open(accountId, email, price, successUrl, cancelUrl));
		} catch (StripeRecords.Failure failure) {
			if (failure.retryable()) {
				log.warn("Checkout for account {} failed, reader asked to try again: {}", accountId,
						failure.getMessage());
				this.meters.counter("newsstand.billing.try-again", "operation", "checkout").increment();
				return new CheckoutOutcome.TryAgain(TRY_AGAIN);
			}
			throw failure;
		}
	}

	@Override
	public ChangeOutcome completeCheckout(String accountId, String sessionId) {
		return change(accountId, snapshot -> {
			StripeRecords.Session session = this.stripe.checkoutSession(sessionId);
			String customerId = this.store.customerOf(accountId);
			if (!accountId.equals(session.clientReferenceId()) || customerId == null
					|| !customerId.equals(session.customer())) {
				return new ChangeOutcome.Refused("This checkout belongs to another account.");
			}
			Snapshot synced = this.sync.syncAccount(accountId, customerId);
			MembershipStore.OpenCheckout open = this.store.openCheckout(accountId);
			if (open != null && open.sessionId().equals(sessionId) && !session.status().equals("open")) {
				this.store.forgetCheckout(accountId);
				this.store.nextCheckoutGeneration(accountId);
			}
			return done(synced);
		}, false);
	}

	@Override
	public PortalOutcome portal(String accountId, String returnUrl) {
		String customerId = this.store.customerOf(accountId);
		if (customerId == null) {
			return new PortalOutcome.NoCustomer();
		}
		try {
			return new PortalOutcome.Redirect(this.stripe.portal(customerId, returnUrl));
		} catch (StripeRecords.Failure failure) {
			if (failure.retryable()) {
				return new PortalOutcome.TryAgain(TRY_AGAIN);
			}
			throw failure;
		}
	}

	@Override
	public ChangeOutcome endTrialNow(String accountId) {
		return change(accountId, s -> {
			if (s.status() != SubscriptionStatus.TRIALING) {
				return new ChangeOutcome.Refused("There is no free trial to end.");
			}
			if (!s.hasPaymentMethod()) {
				return new ChangeOutcome.Refused("Add a card in the billing portal first, then end the trial.");
			}
			this.stripe.endTrialNow(Objects.requireNonNull(s.subscriptionId()));
			return resync(s);
		}, true);
	}

	@Override
	public ChangeOutcome cancelAtPeriodEnd(String accountId) {
		return change(accountId, s -> {
			if (!s.status().billing()) {
				return new ChangeOutcome.Refused("There is no membership to cancel.");
			}
			if (s.cancelAtPeriodEnd()) {
				return done(s);
			}
			this.stripe.cancelAtPeriodEnd(Objects.requireNonNull(s.subscriptionId()), true);
			return resync(s);
		}, true);
	}

	@Override
	public ChangeOutcome resume(String accountId) {
		return change(accountId, s -> {
			if (!s.cancelAtPeriodEnd() || !s.status().billing()) {
				return new ChangeOutcome.Refused("There is no cancellation to undo.");
			}
			this.stripe.cancelAtPeriodEnd(Objects.requireNonNull(s.subscriptionId()), false);
			return resync(s);
		}, true);
	}

	@Override
	public ChangeOutcome switchPlan(String accountId, String plan) {
		StripeRecords.Price price;
		try {
			price = this.plans.price(plan);
		} catch (StripeRecords.Failure failure) {
			return tryAgainOrThrow(accountId, failure);
		}
		return change(accountId, s -> {
			if (!s.status().billing() || s.itemId() == null) {
				return new ChangeOutcome.Refused("There is no membership to switch.");
			}
			if (plan.equals(s.plan())) {
				return new ChangeOutcome.Refused("You are already on the " + plan + " plan.");
			}
			this.stripe.switchPrice(Objects.requireNonNull(s.subscriptionId()), s.itemId(), price.id());
			return resync(s);
		}, true);
	}

	@Override
	public ChangeOutcome cancelForDeletedAccount(String accountId) {
		String customerId = this.store.customerOf(accountId);
		if (customerId == null) {
			return new ChangeOutcome.Done(Membership.none(accountId));
		}
		return change(accountId, s -> {
			for (String subscription : this.sync.liveSubscriptions(customerId)) {
				this.stripe.cancelNow(subscription);
			}
			this.store.forgetCheckout(accountId);
			this.store.forgetPendingCheckout(accountId);
			return resync(s);
		}, false);
	}

	private ChangeOutcome change(String accountId, Function<Snapshot, ChangeOutcome> action,
			boolean needsSubscription) {
		String customerId = this.store.customerOf(accountId);
		if (customerId == null) {
			return new ChangeOutcome.Refused("There is no membership yet.");
		}
		try {
			return this.lock.run(accountId, () -> {
				Snapshot current = this.store.read(accountId);
				if (current == null || (needsSubscription && current.subscriptionId() == null)) {
					current = this.sync.syncAccount(accountId, customerId);
				}
				return action.apply(current);
			});
		} catch (StripeRecords.Failure failure) {
			return tryAgainOrThrow(accountId, failure);
		}
	}

	private ChangeOutcome tryAgainOrThrow(String accountId, StripeRecords.Failure failure) {
		if (failure.retryable()) {
			log.warn("Billing change for account {} failed, reader asked to try again: {}", accountId,
					failure.getMessage());
			this.meters.counter("newsstand.billing.try-again", "operation", "change").increment();
			return new ChangeOutcome.TryAgain(TRY_AGAIN);
		}
		throw failure;
	}

	private ChangeOutcome resync(Snapshot before) {
		return done(this.sync.syncAccount(before.accountId(), before.customerId()));
	}

	private ChangeOutcome done(Snapshot snapshot) {
		return new ChangeOutcome.Done(this.rule.evaluate(snapshot.accountId(), snapshot, this.clock.instant()));
	}

	@Override
	public boolean paymentsSimulated() {
		return this.paymentsSimulated;
	}

}
