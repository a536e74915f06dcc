package io.newsstand.billing.internal;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Rebuilds an account's membership snapshot from Stripe: re-reads the customer
 * and all its subscriptions (never trusting a webhook payload or its order),
 * picks the one that matters, records trial use, and writes the snapshot in one
 * transaction under the account's lock.
 */
@Component
class MembershipSync {

	private static final Logger log = LoggerFactory.getLogger(MembershipSync.class);

	/** Preference when a customer has several subscriptions of ours. */
	private static final List<SubscriptionStatus> RANK = List.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.TRIALING,
			SubscriptionStatus.PAST_DUE, SubscriptionStatus.PAUSED, SubscriptionStatus.UNPAID,
			SubscriptionStatus.INCOMPLETE);

	private final StripeGateway stripe;

	private final MembershipStore store;

	private final AccountLock lock;

	private final TrialLedger ledger;

	private final Plans plans;

	private final BillingProperties properties;

	private final InstantSource clock;

	MembershipSync(StripeGateway stripe, MembershipStore store, AccountLock lock, TrialLedger ledger, Plans plans,
			BillingProperties properties, ObjectProvider<InstantSource> clock) {
		this.stripe = stripe;
		this.store = store;
		this.lock = lock;
		this.ledger = ledger;
		this.plans = plans;
		this.properties = properties;
		this.clock = clock.getIfAvailable(InstantSource::system);
	}

	/**
	 * Syncs the account of a Stripe customer; null when the customer is not one of
	 * ours (another product on the same Stripe account) or names an account that
	 * belongs to another customer.
	 * <p>
	 * An account has one customer, linked by checkout under the account's lock.
	 * {@code metadata.accountId} is only a claim: anyone who can create a customer
	 * can write any account id there. It is followed only for an account that has
	 * no customer yet (a link lost to a crash or to Redis data loss); an account
	 * linked to another customer is never re-linked, and its snapshot is never
	 * rebuilt from a customer that is not its own.
	 */
	@Nullable
	Snapshot syncCustomer(String customerId) {
		String accountId = this.store.accountOf(customerId);
		if (accountId == null) {
			StripeRecords.Customer customer = this.stripe.customer(customerId);
			accountId = customer.accountId();
			if (accountId == null) {
				log.info("Ignoring Stripe customer {}: no accountId in its metadata", customerId);
				return null;
			}
		}
		String owner = accountId;
		return this.lock.run(owner, () -> {
			String linked = this.store.customerOf(owner);
			if (linked == null) {
				this.store.link(owner, customerId);
			} else if (!linked.equals(customerId)) {
				log.warn("Ignoring Stripe customer {}: it names account {}, which is linked to customer {}", customerId,
						owner, linked);
				return null;
			}
			return syncAccount(owner, customerId);
		});
	}

	/** Syncs an account; the caller may already hold its lock. */
	Snapshot syncAccount(String accountId, String customerId) {
		return this.lock.run(accountId, () -> {
			Snapshot snapshot = read(accountId, customerId, true);
			this.store.write(snapshot);
			return snapshot;
		});
	}

	private Snapshot read(String accountId, String customerId, boolean checkCard) {
		Instant now = this.clock.instant();
		StripeRecords.Customer customer = this.stripe.customerIfExists(customerId);
		if (customer == null) {
			// Unknown to Stripe (another Stripe account, or a restarted sandbox): no
			// membership, and the next checkout creates a new customer.
			log.warn("Customer {} of account {} does not exist at Stripe; membership reset", customerId, accountId);
			this.store.unlinkIfCustomer(accountId, customerId);
			return Snapshot.builder(accountId, customerId, now).build();
		}
		if (customer.deleted()) {
			// Deleted at Stripe (its subscriptions are cancelled): a new checkout needs a
			// new customer.
			this.store.unlinkIfCustomer(accountId, customerId);
		}
		List<StripeRecords.Subscription> ours = this.stripe.subscriptions(customerId).stream()
				.filter(s -> this.plans.planOf(s.priceId()) != null).toList();
		long offset = (customer.testClock() == null)
				? 0
				: Objects.requireNonNullElseGet(customer.testClockTime(),
						() -> this.stripe.testClockTime(customer.testClock())) - now.getEpochSecond();
		if (ours.stream().anyMatch(s -> s.trialStart() != null)) {
			this.ledger.markUsed(accountId, customer.email());
		}
		StripeRecords.Subscription chosen = chosen(accountId, customerId, ours);
		if (chosen == null) {
			return Snapshot.builder(accountId, customerId, now).email(customer.email())
					.hasPaymentMethod(customer.defaultPaymentMethod() != null).clockOffsetSeconds(offset).build();
		}
		String paymentMethod = (chosen.defaultPaymentMethod() != null)
				? chosen.defaultPaymentMethod()
				: customer.defaultPaymentMethod();
		if (checkCard && this.properties.cardFingerprintCheck() && chosen.status() == SubscriptionStatus.TRIALING
				&& paymentMethod != null) {
			String fingerprint = this.stripe.cardFingerprint(paymentMethod);
			if (fingerprint != null && !this.ledger.claimCard(fingerprint, accountId).equals(accountId)) {
				log.info("Account {}: card already used for another account's trial; ending trial of {}", accountId,
						chosen.id());
				this.stripe.endTrialNow(chosen.id());
				return read(accountId, customerId, false);
			}
		}
		String plan = this.plans.planOf(chosen.priceId());
		StripeRecords.Price price = this.plans.price(plan == null ? "monthly" : plan);
		Instant periodStart = instant(chosen.periodStart());
		boolean pastDue = chosen.status() == SubscriptionStatus.PAST_DUE;
		// Only grace depends on it (GraceAfterFailedPayment): one more call, and only
		// while a payment is overdue.
		boolean hasPaid = pastDue && this.stripe.hasPaidInvoice(chosen.id());
		return Snapshot.builder(accountId, customerId, now).email(customer.email()).status(chosen.status())
				.subscriptionId(chosen.id()).itemId(chosen.itemId()).plan(plan).trialEnd(instant(chosen.trialEnd()))
				.periodStart(periodStart).periodEnd(instant(chosen.periodEnd()))
				.cancelAtPeriodEnd(chosen.cancelAtPeriodEnd()).hasPaymentMethod(paymentMethod != null)
				.pastDueSince(pastDue ? periodStart : null).clockOffsetSeconds(offset).amount(price.amount())
				.currency(price.currency()).hasPaid(hasPaid).build();
	}

	/**
	 * The subscription the membership follows: the most entitling live one (the
	 * newest of equals), else the newest ended one, else none.
	 */
	private static StripeRecords.@Nullable Subscription chosen(String accountId, String customerId,
			List<StripeRecords.Subscription> ours) {
		List<StripeRecords.Subscription> live = ours.stream().filter(StripeRecords.Subscription::live).toList();
		if (live.size() > 1) {
			log.warn("Account {} (customer {}) has {} live subscriptions: {}", accountId, customerId, live.size(),
					live.stream().map(StripeRecords.Subscription::id).toList());
		}
		return live.stream()
				.min(Comparator.comparingInt((StripeRecords.Subscription s) -> rank(s.status()))
						.thenComparing(Comparator.comparingLong(StripeRecords.Subscription::created).reversed()))
				.orElseGet(() -> ours.stream().max(Comparator.comparingLong(StripeRecords.Subscription::created))
						.orElse(null));
	}

	private static int rank(SubscriptionStatus status) {
		int index = RANK.indexOf(status);
		return (index < 0) ? RANK.size() : index;
	}

	private static @Nullable Instant instant(@Nullable Long epochSecond) {
		return (epochSecond == null) ? null : Instant.ofEpochSecond(epochSecond);
	}

	/** Ids of subscriptions still live, for cancel-on-account-deletion. */
	List<String> liveSubscriptions(String customerId) {
		return this.stripe.subscriptions(customerId).stream().filter(StripeRecords.Subscription::live)
				.map(StripeRecords.Subscription::id).toList();
	}

}
