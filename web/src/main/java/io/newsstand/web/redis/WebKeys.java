package io.newsstand.web.redis;

/**
 * The Redis keys of accounts, sign-in, reading and the front page, and the
 * prefix of every key the web module writes. The keys of a reader's personal
 * space, passkeys, gifts and payouts are in {@link PersonalKeys},
 * {@link PasskeyKeys}, {@link GiftKeys} and {@link PayoutKeys}, beside this
 * class; all are listed in docs/redis.md. Keys that a transaction or a
 * multi-key command touches together share a hash tag, so they work on Redis
 * Cluster.
 */
public final class WebKeys {

	static final String PREFIX = "newsstand:web:";

	private WebKeys() {
	}

	/** Hash: one account (email, password hash, roles, created). */
	public static String account(String accountId) {
		return PREFIX + "account:{" + accountId + "}";
	}

	/** Set: the hashes of an account's API tokens; same hash tag as the account. */
	public static String accountTokens(String accountId) {
		return PREFIX + "account:{" + accountId + "}:tokens";
	}

	/** String: account id for a normalised e-mail address. */
	public static String accountByEmail(String normalisedEmail) {
		return PREFIX + "account-by-email:" + normalisedEmail;
	}

	/**
	 * String: "accountId expiresAtMillis" for a password-reset link, by the SHA-256
	 * of its token.
	 */
	public static String passwordReset(String tokenHash) {
		return PREFIX + "password-reset:" + tokenHash;
	}

	/**
	 * Hash: one API bearer token (account, created, expires), by the SHA-256 of the
	 * token.
	 */
	public static String apiToken(String tokenHash) {
		return PREFIX + "api-token:" + tokenHash;
	}

	/**
	 * String counter: failed sign-ins for one account (by hashed e-mail) in one
	 * window.
	 */
	public static String signInFailuresForAccount(String emailHash, long window) {
		return PREFIX + "signin-failures:account:" + emailHash + ":" + window;
	}

	/** String counter: failed sign-ins from one client address in one window. */
	public static String signInFailuresForAddress(String address, long window) {
		return PREFIX + "signin-failures:address:" + address + ":" + window;
	}

	/**
	 * String: the secret that signs remember-me cookies, shared by every web node.
	 */
	public static String rememberMeKey() {
		return PREFIX + "remember-me-key";
	}

	/**
	 * Set: the articles a reader without a membership opened in full in one
	 * calendar month ({@code yyyy-MM}, UTC).
	 */
	public static String readingMeter(String accountId, String month) {
		return PREFIX + "meter:{" + accountId + "}:" + month;
	}

	/** List: the development outbox, newest first, capped. */
	public static String outbox() {
		return PREFIX + "outbox";
	}

	/**
	 * String counter: password-reset e-mails sent for one account in one window.
	 */
	public static String passwordResetsForAccount(String accountId, long window) {
		return PREFIX + "reset-requests:account:{" + accountId + "}:" + window;
	}

	/**
	 * String counter: password-reset requests from one client address in one
	 * window.
	 */
	public static String passwordResetsForAddress(String address, long window) {
		return PREFIX + "reset-requests:address:" + address + ":" + window;
	}

	/**
	 * Set: the ids of the sessions an account signed in to, so a password change or
	 * a deletion can end them; same hash tag as the account.
	 */
	public static String accountSessions(String accountId) {
		return PREFIX + "account:{" + accountId + "}:sessions";
	}

	/**
	 * String: marks that one reader's read of one article was counted (the SHA-256
	 * of reader key and article id), so that re-reading does not count again.
	 */
	public static String readCounted(String readerArticleHash) {
		return PREFIX + "read-counted:" + readerArticleHash;
	}

	/**
	 * Sorted set: article ids scored by distinct readers in one clock hour
	 * ({@code epochSecond / 3600}).
	 */
	public static String readsInHour(long epochHour) {
		return PREFIX + "reads:" + epochHour;
	}

	/**
	 * Hash: the editors' picks, article id to
	 * {@code order|expiresEpochMs|pickedBy|pickedEpochMs}.
	 */
	public static String picks() {
		return PREFIX + "picks";
	}

	/**
	 * Pub/sub channel (not a key): an editor changed the picks; every web node
	 * recomputes its front page.
	 */
	public static String picksChangedChannel() {
		return PREFIX + "picks-changed";
	}

	// ---- accounts: verification, sign-up limits, reset links, remember-me ----

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

	/**
	 * String counter: searches by one client (the SHA-256 of its account or
	 * address, cut to 32 hex digits) in one window.
	 */
	public static String searchRate(String clientHash, long window) {
		return PREFIX + "search-rate:" + clientHash + ":" + window;
	}

	/**
	 * String counter: reads counted for top stories from one address in one clock
	 * hour.
	 */
	public static String readsFrom(String addressKey, long epochHour) {
		return PREFIX + "reads-from:" + addressKey + ":" + epochHour;
	}

	/**
	 * String: the HMAC key (32 random bytes, base64url) that signs image-proxy
	 * links, made once and shared by every web node.
	 */
	public static String imageProxyKey() {
		return PREFIX + "image-proxy-key";
	}

	// ---- reader settings ----

	/**
	 * Hash: a reader's display settings ({@code text-size}, {@code theme}); same
	 * hash tag as the account, deleted with it.
	 */
	public static String readerSettings(String accountId) {
		return PREFIX + "account:{" + accountId + "}:settings";
	}

}
