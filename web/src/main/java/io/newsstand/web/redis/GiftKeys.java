package io.newsstand.web.redis;

import java.util.List;

/**
 * The keys of gift links: one key per link (a single-key hash tag); the giver's
 * list, allowance and name share the account's hash tag.
 */
public final class GiftKeys {

	private GiftKeys() {
	}

	/**
	 * Hash: one gift link (article, giver, from, created, expires, revoked), by its
	 * id (the first 32 hex digits of the SHA-256 of its token); expires some days
	 * after the link does.
	 */
	public static String gift(String giftId) {
		return WebKeys.PREFIX + "gift:{" + giftId + "}";
	}

	/**
	 * Hash: the account's working gift links, id to
	 * {@code token|createdMs|expiresMs|articleId}; same hash tag as the account.
	 */
	public static String givenBy(String accountId) {
		return WebKeys.account(accountId) + ":gifts";
	}

	/**
	 * Hash: this month's gift allowance ({@code month}, {@code count}, and
	 * {@code a:<articleId>} to the gift id); same hash tag as the account.
	 */
	public static String allowance(String accountId) {
		return WebKeys.account(accountId) + ":gift-allowance";
	}

	/**
	 * String: the name the account last signed its gifts with; same hash tag as the
	 * account.
	 */
	public static String giverName(String accountId) {
		return WebKeys.account(accountId) + ":gift-name";
	}

	/**
	 * The account's gift keys, deleted with the account in its {@code DEL}; its
	 * links stop working at once, because a link opens only while it is on its
	 * giver's list.
	 */
	public static List<String> ofAccount(String accountId) {
		return List.of(givenBy(accountId), allowance(accountId), giverName(accountId));
	}

}
