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

	/**
	 * A snapshot built by name: until set, no subscription ({@code NONE}, no card,
	 * nothing paid) priced in euros, as for a customer without one.
	 */
	public static Builder builder(String accountId, String customerId, Instant syncedAt) {
		return new Builder(accountId, customerId, syncedAt);
	}

	/** Builds a {@link Snapshot} by component name rather than by position. */
	public static final class Builder {

		private final String accountId;

		private final String customerId;

		private @Nullable String email;

		private SubscriptionStatus status = SubscriptionStatus.NONE;

		private @Nullable String subscriptionId;

		private @Nullable String itemId;

		private @Nullable String plan;

		private @Nullable Instant trialEnd;

		private @Nullable Instant periodStart;

		private @Nullable Instant periodEnd;

		private boolean cancelAtPeriodEnd;

		private boolean hasPaymentMethod;

		private @Nullable Instant pastDueSince;

		private long clockOffsetSeconds;

		private long amount;

		private String currency = "eur";

		private final Instant syncedAt;

		private boolean hasPaid;

		private Builder(String accountId, String customerId, Instant syncedAt) {
			this.accountId = accountId;
			this.customerId = customerId;
			this.syncedAt = syncedAt;
		}

		public Builder email(@Nullable String email) {
			this.email = email;
			return this;
		}

		public Builder status(SubscriptionStatus status) {
			this.status = status;
			return this;
		}

		public Builder subscriptionId(@Nullable String subscriptionId) {
			this.subscriptionId = subscriptionId;
			return this;
		}

		public Builder itemId(@Nullable String itemId) {
			this.itemId = itemId;
			return this;
		}

		public Builder plan(@Nullable String plan) {
			this.plan = plan;
			return this;
		}

		public Builder trialEnd(@Nullable Instant trialEnd) {
			this.trialEnd = trialEnd;
			return this;
		}

		public Builder periodStart(@Nullable Instant periodStart) {
			this.periodStart = periodStart;
			return this;
		}

		public Builder periodEnd(@Nullable Instant periodEnd) {
			this.periodEnd = periodEnd;
			return this;
		}

		public Builder cancelAtPeriodEnd(boolean cancelAtPeriodEnd) {
			this.cancelAtPeriodEnd = cancelAtPeriodEnd;
			return this;
		}

		public Builder hasPaymentMethod(boolean hasPaymentMethod) {
			this.hasPaymentMethod = hasPaymentMethod;
			return this;
		}

		public Builder pastDueSince(@Nullable Instant pastDueSince) {
			this.pastDueSince = pastDueSince;
			return this;
		}

		public Builder clockOffsetSeconds(long clockOffsetSeconds) {
			this.clockOffsetSeconds = clockOffsetSeconds;
			return this;
		}

		public Builder amount(long amount) {
			this.amount = amount;
			return this;
		}

		public Builder currency(String currency) {
			this.currency = currency;
			return this;
		}

		public Builder hasPaid(boolean hasPaid) {
			this.hasPaid = hasPaid;
			return this;
		}

		public Snapshot build() {
			return new Snapshot(this.accountId, this.customerId, this.email, this.status, this.subscriptionId,
					this.itemId, this.plan, this.trialEnd, this.periodStart, this.periodEnd, this.cancelAtPeriodEnd,
					this.hasPaymentMethod, this.pastDueSince, this.clockOffsetSeconds, this.amount, this.currency,
					this.syncedAt, this.hasPaid);
		}

	}

}
