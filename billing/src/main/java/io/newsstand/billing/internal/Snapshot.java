package io.newsstand.billing.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A membership as last read from Stripe: what the snapshot hash in Redis holds.
 *
 * @param accountId
 *            the account
 * @param customerId
 *            its Stripe customer
 * @param email
 *            the customer's e-mail at Stripe
 * @param status
 *            the Stripe subscription status, or {@link SubscriptionStatus#NONE}
 * @param subscriptionId
 *            the subscription the membership follows
 * @param itemId
 *            its (single) item, for plan switches
 * @param plan
 *            {@code monthly} or {@code yearly}
 * @param trialEnd
 *            trial end, if any
 * @param periodStart
 *            current period start (a failed renewal's moment while past due)
 * @param periodEnd
 *            current period end
 * @param cancelAtPeriodEnd
 *            cancels at period end
 * @param hasPaymentMethod
 *            a card is on file
 * @param pastDueSince
 *            when the payment now overdue first failed
 * @param clockOffsetSeconds
 *            how far the customer's Stripe test clock is ahead of real time
 * @param amount
 *            the plan's price in minor units
 * @param currency
 *            the plan's currency
 * @param syncedAt
 *            when this snapshot was built
 * @param hasPaid
 *            while past due: the subscription has paid at least one invoice
 *            with money (a trial's $0 invoice does not count), so a failed
 *            payment gets a grace period; false in other statuses (not read)
 */
public record Snapshot(String accountId, String customerId, @Nullable String email, SubscriptionStatus status,
		@Nullable String subscriptionId, @Nullable String itemId, @Nullable String plan, @Nullable Instant trialEnd,
		@Nullable Instant periodStart, @Nullable Instant periodEnd, boolean cancelAtPeriodEnd, boolean hasPaymentMethod,
		@Nullable Instant pastDueSince, long clockOffsetSeconds, long amount, String currency, Instant syncedAt,
		boolean hasPaid) {

	/** Statuses after which nothing more happens without a new checkout. */
	public boolean isFinal() {
		return this.status.ended();
	}

	/** Statuses Stripe counts as an existing subscription (send to portal). */
	public boolean isLive() {
		return !isFinal();
	}

	/** "Now" in the customer's time: real time plus its test clock's lead. */
	public Instant customerNow(Instant realNow) {
		return realNow.plusSeconds(this.clockOffsetSeconds);
	}

}
