package io.newsstand.aggregator.internal.store;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Every Redis key of the aggregator, built in this one class (listed in
 * docs/redis.md). The poll schedule's keys share the hash tag {@code {poll}}
 * because its Lua scripts touch them together; article keys are written one key
 * per command, so they need no common tag and spread over a Cluster.
 */
final class RedisKeys {

	private static final String PREFIX = "newsstand:";

	private static final Pattern NOT_A_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

	public static final String DUE = PREFIX + "{poll}:due";

	public static final String LEASES = PREFIX + "{poll}:leases";

	public static final String OWNERS = PREFIX + "{poll}:owners";

	public static final String DISABLED = PREFIX + "{poll}:disabled";

	/**
	 * Prefix of the job leases: {@code newsstand:jobs:<role>}, one string key each
	 * (see JobLease).
	 */
	public static final String JOB_LEASES = PREFIX + "jobs";

	public static final String LATEST = PREFIX + "articles:latest";

	/** Sorted set: every topic with an index key, scored by its last write. */
	public static final String TOPICS = PREFIX + "articles:topics";

	private RedisKeys() {
	}

	public static String article(String id) {
		return PREFIX + "article:" + id;
	}

	public static String urlAlias(String publisherId, String urlHash) {
		return PREFIX + "article-url:" + publisherId + ":" + urlHash;
	}

	public static String tombstone(String id) {
		return PREFIX + "tombstone:" + id;
	}

	public static String byPublisher(String publisherId) {
		return PREFIX + "articles:publisher:" + publisherId;
	}

	public static String bySection(String section) {
		return PREFIX + "articles:section:" + slug(section);
	}

	/**
	 * The index of one topic, in the normal form of
	 * {@link io.newsstand.aggregator.Topics} as it is: that form is at most
	 * {@link io.newsstand.aggregator.Topics#MAX_LENGTH} characters, so the key
	 * stays short without a hash, and an operator can read it.
	 */
	public static String byTopic(String topic) {
		return PREFIX + "articles:topic:" + topic;
	}

	public static String byRegion(String region) {
		return PREFIX + "articles:region:" + region.strip().toUpperCase(Locale.ROOT);
	}

	public static String feed(String feedId) {
		return PREFIX + "feed:" + feedId;
	}

	public static String slug(String section) {
		return NOT_A_LETTER_OR_DIGIT.matcher(section.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
	}

}
