package io.newsstand.web.account;

/**
 * The Redis keys of e-mail verification, sign-up limits, outstanding reset
 * links and remember-me tokens, listed in docs/redis.md beside {@code WebKeys}'
 * (same prefix, same rules: keys written together share the account's hash
 * tag).
 */
public final class AccountKeys {

	private static final String PREFIX = "newsstand:web:";

	private AccountKeys() {
	}

	/**
	 * String: {@code accountId \n email \n next} for an e-mail verification link,
	 * by the SHA-256 of its token; expires with the link.
	 */
	public static String emailVerification(String tokenHash) {
		return PREFIX + "email-verification:" + tokenHash;
	}

	/**
	 * String: the account that confirmed a mailbox (the address with Gmail-style
	 * dots and {@code +tags} removed), so a variant of it confirms no second
	 * account.
	 */
	public static String mailbox(String canonicalAddress) {
		return PREFIX + "mailbox:" + canonicalAddress;
	}

	/**
	 * String counter: verification e-mails sent for one account in one clock hour;
	 * same hash tag as the account.
	 */
	public static String verificationMails(String accountId, long hour) {
		return PREFIX + "account:{" + accountId + "}:verification-mails:" + hour;
	}

	/** String counter: sign-ups from one client address in one window. */
	public static String signUpsForAddress(String address, long window) {
		return PREFIX + "signups:address:" + address + ":" + window;
	}

	/**
	 * Set: the SHA-256 of each reset link issued for the account and maybe still
	 * working, so a reset or a password change revokes them all; same hash tag as
	 * the account.
	 */
	public static String accountResets(String accountId) {
		return PREFIX + "account:{" + accountId + "}:resets";
	}

	/**
	 * Hash: one remember-me login (account, token, last used), by the SHA-256 of
	 * its series id.
	 */
	public static String rememberMe(String seriesHash) {
		return PREFIX + "remember-me:" + seriesHash;
	}

	/**
	 * Set: the SHA-256 of each remember-me series of the account, so that sign-out
	 * or a new password revokes every one; same hash tag as the account.
	 */
	public static String accountRememberMe(String accountId) {
		return PREFIX + "account:{" + accountId + "}:remember-me";
	}

}
