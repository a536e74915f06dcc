package io.newsstand.web.redis;

import java.util.List;

/**
 * The keys of passkeys. An account's own keys share its hash tag; the two
 * look-up indexes are single keys, written before and removed after the
 * account's record, so a half-done write leaves an index that resolves to
 * nothing.
 */
public final class PasskeyKeys {

	private PasskeyKeys() {
	}

	/**
	 * Hash: the account's passkeys, credential id (base64url) to the JSON record
	 * (public key, signature count, label, created, last used); same hash tag as
	 * the account.
	 */
	public static String passkeys(String accountId) {
		return WebKeys.account(accountId) + ":passkeys";
	}

	/**
	 * String: the account's WebAuthn user handle (64 random bytes, base64url); same
	 * hash tag as the account.
	 */
	public static String userHandle(String accountId) {
		return WebKeys.account(accountId) + ":passkey-user";
	}

	/**
	 * The account's own passkey keys, deleted with the account (in the same
	 * {@code DEL}: same hash tag). The two indexes are left to resolve to nothing:
	 * sign-in reads the account's record through them and finds none.
	 */
	public static List<String> ofAccount(String accountId) {
		return List.of(passkeys(accountId), userHandle(accountId));
	}

	/** String: the account id owning a credential id (base64url). */
	public static String credentialOwner(String credentialId) {
		return WebKeys.PREFIX + "passkey:" + credentialId;
	}

	/** String: the account id of a WebAuthn user handle (base64url). */
	public static String userHandleOwner(String userHandle) {
		return WebKeys.PREFIX + "passkey-user:" + userHandle;
	}

}
