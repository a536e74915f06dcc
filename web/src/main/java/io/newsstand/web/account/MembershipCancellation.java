package io.newsstand.web.account;

/**
 * Called before an account is deleted, so that a running membership is
 * cancelled at the end of its paid period instead of renewing for a reader who
 * no longer exists.
 * <p>
 * BILLING HOOK: until the billing module provides its implementation, the
 * default below does nothing. When billing lands, its bean (calling "cancel at
 * period end" for the account's subscription) replaces it.
 */
public interface MembershipCancellation {

	/**
	 * Cancels the account's membership at the end of the current period, if it has
	 * one. Throws if the cancellation could not be made, which stops the deletion.
	 */
	void cancelAtPeriodEnd(String accountId);

}
