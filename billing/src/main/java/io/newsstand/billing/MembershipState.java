package io.newsstand.billing;

/**
 * Where a reader's membership stands, as the account page shows it.
 */
public enum MembershipState {

	/** Never subscribed. */
	NONE,

	/** In the free trial. */
	TRIALING,

	/** Paying and in good standing. */
	ACTIVE,

	/** A payment failed; still reading while the grace period lasts. */
	PAST_DUE,

	/** Cancelled at period end; reading until the period ends. */
	CANCELING,

	/** Paused (a cardless trial ended without a card); not reading. */
	PAUSED,

	/** Ended: cancelled, unpaid, or past due beyond the grace period. */
	LAPSED

}
