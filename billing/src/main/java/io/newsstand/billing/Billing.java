package io.newsstand.billing;

import java.util.List;

/**
 * Memberships on Stripe: what the web layer calls. Reads ({@link #membership})
 * come from Redis without calling Stripe; changes call Stripe and return the
 * re-synchronised membership. Expected outcomes are values; only programming
 * errors (an unknown plan id, say) are thrown.
 */
public interface Billing {

	/**
	 * The reader's membership and whether they may read in full now: one Redis
	 * read, no Stripe call.
	 */
	Membership membership(String accountId);

	/**
	 * The reader's own membership, for their account page and the API: as
	 * {@link #membership}, but while a checkout started in the last 48 hours and
	 * the snapshot shows no membership, it is first re-read from Stripe (at most
	 * every few seconds per account), so a webhook that never arrived does not hide
	 * what the reader just paid for. If Stripe cannot be reached, the snapshot's
	 * membership.
	 */
	Membership ownMembership(String accountId);

	/** The plans on offer, with prices as Stripe has them (cached briefly). */
	List<Plan> plans();

	/** Whether the reader's next checkout includes the free trial, and why not. */
	TrialEligibility trialEligibility(String accountId, String email);

	/**
	 * Starts a Stripe Checkout for a plan. {@code successUrl} may contain
	 * {@code {CHECKOUT_SESSION_ID}}, which Stripe replaces with the session id for
	 * {@link #completeCheckout}.
	 */
	CheckoutOutcome startCheckout(String accountId, String email, String plan, String successUrl, String cancelUrl);

	/**
	 * Called from the checkout success redirect: checks the session belongs to the
	 * account and synchronises the membership from Stripe at once.
	 */
	ChangeOutcome completeCheckout(String accountId, String sessionId);

	/** A Customer Portal session (card, invoices, plan, cancel, resume). */
	PortalOutcome portal(String accountId, String returnUrl);

	/** Ends the free trial now and charges the first period. */
	ChangeOutcome endTrialNow(String accountId);

	/**
	 * Cancels at the end of the period (or trial): reading continues until then.
	 */
	ChangeOutcome cancelAtPeriodEnd(String accountId);

	/** Undoes {@link #cancelAtPeriodEnd} before the period ends. */
	ChangeOutcome resume(String accountId);

	/** Switches between {@code monthly} and {@code yearly}. */
	ChangeOutcome switchPlan(String accountId, String plan);

	/** The account is being deleted: cancels any subscription at once. */
	ChangeOutcome cancelForDeletedAccount(String accountId);

	/**
	 * True when no Stripe key is configured and the Stripe sandbox takes every
	 * payment: the site says so on every page, and lets the sandbox's hosted pages
	 * run.
	 */
	boolean paymentsSimulated();

}
