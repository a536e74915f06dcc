package io.newsstand.billing.internal;

/**
 * Every Redis key billing uses, built in one place (docs/redis.md lists them).
 * Keys of one account share the hash tag {@code {acct:<id>}} so they can be
 * written in one transaction on Redis Cluster.
 */
final class BillingKeys {

	private BillingKeys() {
	}

	private static String account(String accountId) {
		return "billing:{acct:" + accountId + "}:";
	}

	/** Hash: the membership snapshot rebuilt from Stripe by sync. */
	static String membership(String accountId) {
		return account(accountId) + "membership";
	}

	/** String: the account's Stripe customer id. */
	static String customer(String accountId) {
		return account(accountId) + "customer";
	}

	/** Hash: the account's open checkout session (id, url, price), 23 h TTL. */
	static String checkout(String accountId) {
		return account(accountId) + "checkout";
	}

	/** String: counter making checkout idempotency keys unique per attempt. */
	static String checkoutGeneration(String accountId) {
		return account(accountId) + "checkout-gen";
	}

	/**
	 * String: epoch second of the account's latest checkout start, 48 h TTL;
	 * deleted when a sync sees a live subscription. Keeps the account reconciled.
	 */
	static String checkoutPending(String accountId) {
		return account(accountId) + "checkout-pending";
	}

	/** String: a reader's page synced this account from Stripe just now (5 s). */
	static String readSync(String accountId) {
		return account(accountId) + "read-sync";
	}

	/** String: per-account lock around Stripe changes and sync. */
	static String lock(String accountId) {
		return account(accountId) + "lock";
	}

	/**
	 * Prefix of billing's job lease: {@code billing:jobs:<role>}, one string key
	 * (see JobLease).
	 */
	static final String JOB_LEASES = "billing:jobs";

	/** String: the account owning a Stripe customer id. */
	static String customerAccount(String customerId) {
		return "billing:customer:" + customerId;
	}

	/** Set: accounts whose membership is not final, re-read by the reconcile. */
	static String reconcile() {
		return "billing:reconcile";
	}

	/** String: a processed webhook event id (30+ days). */
	static String event(String eventId) {
		return "billing:event:" + eventId;
	}

	/** String: a trial reminder already published. */
	static String reminder(String subscriptionId, long trialEnd, String kind) {
		return "billing:reminder:" + subscriptionId + ":" + trialEnd + ":" + kind;
	}

	/** String: this account has had a trial. */
	static String trialAccount(String accountId) {
		return "billing:trial:account:" + accountId;
	}

	/** String: the account whose trial used this normalised e-mail address. */
	static String trialEmail(String normalisedEmail) {
		return "billing:trial:email:" + normalisedEmail;
	}

	/** String: the account whose trial used this card fingerprint. */
	static String trialCard(String fingerprint) {
		return "billing:trial:card:" + fingerprint;
	}

}
