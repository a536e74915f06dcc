package io.newsstand.billing;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A reader's membership as last synchronised from Stripe, with the access
 * decision for the moment it was read.
 *
 * @param accountId
 *            the reader's account
 * @param state
 *            where the membership stands
 * @param plan
 *            {@code monthly} or {@code yearly}, or null without a subscription
 * @param trialEndsAt
 *            end of the free trial, if the subscription has or had one
 * @param currentPeriodEnd
 *            end of the current billing period (the trial end while trialing)
 * @param cancelAtPeriodEnd
 *            whether the membership ends at {@code currentPeriodEnd}
 * @param graceEndsAt
 *            while past due, when reading stops unless the payment succeeds
 * @param lastSyncedAt
 *            when this snapshot was last rebuilt from Stripe, or null if never
 * @param mayReadInFull
 *            the one access rule's decision: may this reader read articles in
 *            full now
 * @param reason
 *            why, in words a reader understands
 * @param updateCard
 *            a payment failed (or a trial ended without a card): the way on is
 *            to update the card in the billing portal
 */
public record Membership(String accountId, MembershipState state, @Nullable String plan, @Nullable Instant trialEndsAt,
		@Nullable Instant currentPeriodEnd, boolean cancelAtPeriodEnd, @Nullable Instant graceEndsAt,
		@Nullable Instant lastSyncedAt, boolean mayReadInFull, String reason, boolean updateCard) {

	/** The membership of an account that never subscribed. */
	public static Membership none(String accountId) {
		return new Membership(accountId, MembershipState.NONE, null, null, null, false, null, null, false,
				"Not a member yet.", false);
	}

	/**
	 * Days left until {@code end}, counting every day begun: a 14-day trial started
	 * a minute ago has 14 days left, its last hour 1, and 0 once it has ended. The
	 * account page, the API and the trial reminder all count this way.
	 */
	public static int daysLeft(Instant now, Instant end) {
		long seconds = Duration.between(now, end).toSeconds();
		return (seconds <= 0) ? 0 : (int) ((seconds + 86_399) / 86_400);
	}

}
