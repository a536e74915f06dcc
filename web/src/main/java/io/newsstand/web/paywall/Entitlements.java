package io.newsstand.web.paywall;

/**
 * Whether a reader's membership lets them read in full right now. Implemented
 * over billing's membership snapshot (one Redis read, no Stripe call).
 */
public interface Entitlements {

	boolean mayReadInFull(String accountId);

}
