package io.newsstand.web.redis;

import java.util.List;

/**
 * The keys of a reader's personal space: follows and mutes, saved articles,
 * history and the version that tells each node its "For you" list is stale.
 * Each extends the account's key, so they share its hash tag and one script can
 * touch them together.
 */
public final class PersonalKeys {

	private PersonalKeys() {
	}

	/**
	 * Hash: what a reader follows and mutes, one field per {@code <kind>:<value>};
	 * same hash tag as the account.
	 */
	public static String follows(String accountId) {
		return WebKeys.account(accountId) + ":follows";
	}

	/**
	 * Sorted set: the articles a reader saved, scored by when (epoch ms); same hash
	 * tag as the account.
	 */
	public static String saved(String accountId) {
		return WebKeys.account(accountId) + ":saved";
	}

	/**
	 * Sorted set: the articles a reader opened, scored by when (epoch ms), capped;
	 * same hash tag as the account.
	 */
	public static String history(String accountId) {
		return WebKeys.account(accountId) + ":history";
	}

	/**
	 * String counter: bumped by every change of follows, saved articles or history,
	 * so that each node knows when its cached "For you" list is stale.
	 */
	public static String version(String accountId) {
		return WebKeys.account(accountId) + ":personal-version";
	}

	/** Every key of a reader's personal space, deleted with the account. */
	public static List<String> ofAccount(String accountId) {
		return List.of(follows(accountId), saved(accountId), history(accountId), version(accountId));
	}

}
