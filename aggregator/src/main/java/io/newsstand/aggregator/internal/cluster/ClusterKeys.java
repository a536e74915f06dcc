package io.newsstand.aggregator.internal.cluster;

/**
 * Every Redis key of story clustering, in one place (see docs/redis.md). All
 * share the hash tag {@code {stories}} so that the scripts, which touch an
 * article, its buckets and its cluster together, run on one Redis Cluster slot.
 */
final class ClusterKeys {

	private static final String PREFIX = "newsstand:{stories}:";

	private ClusterKeys() {
	}

	/**
	 * Hash: {@code p} publisher, {@code t} published (epoch s), {@code f} features,
	 * {@code c} cluster id.
	 */
	static String article(String articleId) {
		return PREFIX + "article:" + articleId;
	}

	/**
	 * Sorted set of article ids scored by published time: one LSH bucket of one
	 * band.
	 */
	static String bucket(int band, long bandHash) {
		return PREFIX + "band:" + band + ":" + Long.toHexString(bandHash);
	}

	/**
	 * Hash: publisher id to {@code <published epoch s>|<article id>}, one article
	 * per publisher.
	 */
	static String cluster(String clusterId) {
		return PREFIX + "cluster:" + clusterId;
	}

}
