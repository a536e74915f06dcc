package io.newsstand.web.redis;

/**
 * The keys of the payout ledger and its statements. A month's ledger is spread
 * over shards (by account); every key one ledger read touches shares the tag
 * {@code {<month>:<shard>}}, so a read is one script on a cluster too.
 */
public final class PayoutKeys {

	private PayoutKeys() {
	}

	/**
	 * Hash: the payout ledger's reads, one field per
	 * {@code <accountId>|<publisherId>}, for one month ({@code yyyy-MM}, UTC) and
	 * one of its shards (by account). The keys of one month's shard share a hash
	 * tag.
	 */
	public static String reads(String month, int shard) {
		return shard(month, shard) + ":reads";
	}

	/**
	 * Hash: the payout ledger's reading seconds, fields as {@link #reads}.
	 */
	public static String seconds(String month, int shard) {
		return shard(month, shard) + ":seconds";
	}

	/**
	 * Hash: one member's counted read of one article (its ledger field, seconds
	 * added so far), by the SHA-256 of account and article; lives for the re-read
	 * window. Same hash tag as {@link #reads}.
	 */
	public static String seen(String month, int shard, String accountArticleHash) {
		return shard(month, shard) + ":seen:" + accountArticleHash;
	}

	/**
	 * Hash: one member's reading in one month, fields {@code r:<publisherId>}
	 * (reads) and {@code s:<publisherId>} (seconds). Same hash tag as
	 * {@link #reads}.
	 */
	public static String member(String month, int shard, String accountId) {
		return shard(month, shard) + ":member:" + accountId;
	}

	/** String: one month's frozen payout statement (JSON), written once. */
	public static String statement(String month) {
		return WebKeys.PREFIX + "payouts:statement:" + month;
	}

	/**
	 * String (counter): a member's views of their payouts (page and API, each asks
	 * Stripe) in one fixed window, expiring with it.
	 */
	public static String views(String accountId, long window) {
		return WebKeys.PREFIX + "payouts:views:" + accountId + ":" + window;
	}

	private static String shard(String month, int shard) {
		return WebKeys.PREFIX + "payouts:{" + month + ":" + shard + "}";
	}

}
