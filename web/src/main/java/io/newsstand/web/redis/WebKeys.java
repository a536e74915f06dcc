package io.newsstand.web.redis;

import java.util.List;

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

	// ---- passkeys: an account's own keys share its hash tag; the two look-up
	// indexes are single keys, written before and removed after the account's
	// record, so a half-done write leaves an index that resolves to nothing ----

	/**
	 * Hash: the account's passkeys, credential id (base64url) to the JSON record
	 * (public key, signature count, label, created, last used); same hash tag as
	 * the account.
	 */
	public static String accountPasskeys(String accountId) {
		return PREFIX + "account:{" + accountId + "}:passkeys";
	}

	/**
	 * String: the account's WebAuthn user handle (64 random bytes, base64url); same
	 * hash tag as the account.
	 */
	public static String accountUserHandle(String accountId) {
		return PREFIX + "account:{" + accountId + "}:passkey-user";
	}

	/**
	 * The account's own passkey keys, deleted with the account (in the same
	 * {@code DEL}: same hash tag). The two indexes are left to resolve to nothing:
	 * sign-in reads the account's record through them and finds none.
	 */
	public static List<String> ofAccount(String accountId) {
		return List.of(accountPasskeys(accountId), accountUserHandle(accountId));
	}

	/** String: the account id owning a credential id (base64url). */
	public static String credentialOwner(String credentialId) {
		return PREFIX + "passkey:" + credentialId;
	}

	/** String: the account id of a WebAuthn user handle (base64url). */
	public static String userHandleOwner(String userHandle) {
		return PREFIX + "passkey-user:" + userHandle;
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
	 * Hash: the payout ledger's reads, one field per
	 * {@code <accountId>|<publisherId>}, for one month ({@code yyyy-MM}, UTC) and
	 * one of its shards (by account). The keys of one month's shard share a hash
	 * tag.
	 */
	public static String payoutReads(String month, int shard) {
		return PREFIX + "payouts:{" + month + ":" + shard + "}:reads";
	}

	/**
	 * Hash: the payout ledger's reading seconds, fields as {@link #payoutReads}.
	 */
	public static String payoutSeconds(String month, int shard) {
		return PREFIX + "payouts:{" + month + ":" + shard + "}:seconds";
	}

	/**
	 * Hash: one member's counted read of one article (its ledger field, seconds
	 * added so far), by the SHA-256 of account and article; lives for the re-read
	 * window. Same hash tag as {@link #payoutReads}.
	 */
	public static String payoutSeen(String month, int shard, String accountArticleHash) {
		return PREFIX + "payouts:{" + month + ":" + shard + "}:seen:" + accountArticleHash;
	}

	/**
	 * Hash: one member's reading in one month, fields {@code r:<publisherId>}
	 * (reads) and {@code s:<publisherId>} (seconds). Same hash tag as
	 * {@link #payoutReads}.
	 */
	public static String payoutMember(String month, int shard, String accountId) {
		return PREFIX + "payouts:{" + month + ":" + shard + "}:member:" + accountId;
	}

	/** String: one month's frozen payout statement (JSON), written once. */
	public static String payoutStatement(String month) {
		return PREFIX + "payouts:statement:" + month;
	}

	/**
	 * String (counter): a member's views of their payouts (page and API, each asks
	 * Stripe) in one fixed window, expiring with it.
	 */
	public static String payoutViews(String accountId, long window) {
		return PREFIX + "payouts:views:" + accountId + ":" + window;
	}

	// ---- gift articles: one key per gift link (a single-key hash tag); the
	// giver's list, allowance and name share the account's hash tag ----

	/**
	 * Hash: one gift link (article, giver, from, created, expires, revoked), by its
	 * id (the first 32 hex digits of the SHA-256 of its token); expires some days
	 * after the link does.
	 */
	public static String gift(String giftId) {
		return PREFIX + "gift:{" + giftId + "}";
	}

	/**
	 * Hash: the account's working gift links, id to
	 * {@code token|createdMs|expiresMs|articleId}; same hash tag as the account.
	 */
	public static String accountGifts(String accountId) {
		return PREFIX + "account:{" + accountId + "}:gifts";
	}

	/**
	 * Hash: this month's gift allowance ({@code month}, {@code count}, and
	 * {@code a:<articleId>} to the gift id); same hash tag as the account.
	 */
	public static String giftAllowance(String accountId) {
		return PREFIX + "account:{" + accountId + "}:gift-allowance";
	}

	/**
	 * String: the name the account last signed its gifts with; same hash tag as the
	 * account.
	 */
	public static String giftName(String accountId) {
		return PREFIX + "account:{" + accountId + "}:gift-name";
	}

	/**
	 * The account's gift keys, deleted with the account in its {@code DEL}; its
	 * links stop working at once, because a link opens only while it is on its
	 * giver's list.
	 */
	public static List<String> giftsOfAccount(String accountId) {
		return List.of(accountGifts(accountId), giftAllowance(accountId), giftName(accountId));
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
