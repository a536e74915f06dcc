package io.newsstand.web.redis;

/**
 * Every Redis key the web module writes, built in one place and listed in
 * docs/redis.md. Keys that a transaction or a multi-key command touches
 * together share a hash tag, so they work on Redis Cluster.
 */
public final class WebKeys {

	private static final String PREFIX = "newsstand:web:";

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
	 * Hash: what a reader follows and mutes, one field per {@code <kind>:<value>};
	 * same hash tag as the account.
	 */
	public static String follows(String accountId) {
		return PREFIX + "account:{" + accountId + "}:follows";
	}

	/**
	 * Sorted set: the articles a reader saved, scored by when (epoch ms); same hash
	 * tag as the account.
	 */
	public static String saved(String accountId) {
		return PREFIX + "account:{" + accountId + "}:saved";
	}

	/**
	 * Sorted set: the articles a reader opened, scored by when (epoch ms), capped;
	 * same hash tag as the account.
	 */
	public static String history(String accountId) {
		return PREFIX + "account:{" + accountId + "}:history";
	}

	/**
	 * String counter: bumped by every change of follows, saved articles or history,
	 * so that each node knows when its cached "For you" list is stale.
	 */
	public static String personalVersion(String accountId) {
		return PREFIX + "account:{" + accountId + "}:personal-version";
	}

	/** Every key of a reader's personal space, deleted with the account. */
	public static java.util.List<String> personal(String accountId) {
		return java.util.List.of(follows(accountId), saved(accountId), history(accountId), personalVersion(accountId));
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

}
