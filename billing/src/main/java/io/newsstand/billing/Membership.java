package io.newsstand.billing;

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

}
