package io.newsstand.aggregator.internal.cluster;

import io.newsstand.aggregator.ClusterAssignment;
import io.newsstand.aggregator.StoryArticle;
import io.newsstand.aggregator.StoryClusters;
import io.newsstand.aggregator.StoryMember;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Story clusters in Redis: MinHash LSH buckets find candidates of other
 * publishers within the window, their exact feature similarity decides, and the
 * article joins the cluster of the most similar candidate that has no article
 * of its publisher yet. Two round trips, each one script: look up candidates
 * with their records, then link.
 */
final class RedisStoryClusters implements StoryClusters {

	/** Candidates compared per article: a bound on the work in a crowded window. */
	private static final int MAX_CANDIDATES = 32;

	/**
	 * An article published at most this long ago sets its buckets' TTL without
	 * reading it first: no bucket can need more than a few minutes longer (a bucket
	 * whose newest entry is newer by up to this much expires that much early, which
	 * costs nothing: the entry is at the window's edge by then).
	 */
	private static final long FRESH_SLACK_SECONDS = 300;

	private final StringRedisTemplate redis;

	private final ClusterProperties properties;

	private final InstantSource clock;

	private final MinHash minHash;

	RedisStoryClusters(StringRedisTemplate redis, ClusterProperties properties, InstantSource clock) {
		this.redis = redis;
		this.properties = properties;
		this.clock = clock;
		this.minHash = new MinHash(properties.bands(), properties.rows());
	}

	@Override
	public ClusterAssignment assign(StoryArticle article) {
		int[] features = TextFeatures.of(article.title(), article.lead(), this.properties.leadChars());
		for (int attempt = 0;; attempt++) {
			ClusterAssignment result = tryAssign(article, features);
			if (result != null) {
				return result;
			}
			if (attempt == 3) {
				throw new IllegalStateException("Article " + article.id() + " kept changing cluster while assigned");
			}
		}
	}

	private ClusterAssignment tryAssign(StoryArticle article, int[] features) {
		long at = article.publishedAt().getEpochSecond();
		long window = this.properties.window().toSeconds();
		long[] bands = this.minHash.bandHashes(features);
		String encoded = encode(features);

		List<String> keys = new ArrayList<>(bands.length + 1);
		keys.add(ClusterKeys.article(article.id()));
		for (int band = 0; band < bands.length; band++) {
			keys.add(ClusterKeys.bucket(band, bands[band]));
		}
		List<String> lookup = strings(this.redis.execute(ClusterScripts.LOOKUP, keys, Long.toString(at - window),
				Long.toString(at + window), Integer.toString(this.properties.candidatesPerBucket()), article.id(),
				Integer.toString(MAX_CANDIDATES), ClusterKeys.article("")));
		String storedFeatures = lookup.get(0);
		String storedCluster = lookup.get(1);
		String storedAt = lookup.get(2);
		if (storedFeatures.equals(encoded) && storedAt.equals(Long.toString(at))) {
			return new ClusterAssignment(article.id(), storedCluster.isEmpty() ? null : storedCluster,
					cluster(article.id()));
		}

		List<Candidate> matches = matches(article, features, lookup.subList(3, lookup.size()));

		long[] oldBands = storedFeatures.isEmpty() ? new long[0] : this.minHash.bandHashes(decode(storedFeatures));
		List<String> linkKeys = new ArrayList<>();
		List<String> args = new ArrayList<>();
		linkKeys.add(keys.get(0));
		linkKeys.add(storedCluster.isEmpty() ? keys.get(0) : ClusterKeys.cluster(storedCluster));
		for (int band = 0; band < oldBands.length; band++) {
			linkKeys.add(ClusterKeys.bucket(band, oldBands[band]));
		}
		linkKeys.addAll(keys.subList(1, keys.size()));
		long now = this.clock.instant().getEpochSecond();
		long bucketTtl = Math.max(1, at + window - now);
		long recordTtl = Math.max(window, at + this.properties.retention().toSeconds() - now);
		boolean searchable = at + window > now;
		if (!searchable) { // too old for any later article to match: look, but leave no buckets behind
			linkKeys.subList(2 + oldBands.length, linkKeys.size()).clear();
		}
		int newBuckets = searchable ? bands.length : 0;
		args.addAll(List.of(article.id(), article.publisherId(), Long.toString(at), encoded,
				Integer.toString(oldBands.length), Integer.toString(newBuckets), Long.toString(bucketTtl),
				Long.toString(recordTtl), Long.toString(now - window), storedCluster,
				bucketTtl >= window - FRESH_SLACK_SECONDS ? "1" : "0"));
		for (Candidate match : matches) {
			String clusterId = match.cluster().isEmpty() ? newClusterId() : match.cluster();
			linkKeys.add(ClusterKeys.article(match.id()));
			linkKeys.add(ClusterKeys.cluster(clusterId));
			args.addAll(List.of(match.cluster(), clusterId, match.id(), match.publisher(), Long.toString(match.at())));
		}
		List<String> linked = strings(this.redis.execute(ClusterScripts.LINK, linkKeys, args.toArray()));
		return switch (linked.get(0)) {
			case "retry" -> null;
			case "alone" -> ClusterAssignment.alone(article.id());
			default -> new ClusterAssignment(article.id(), linked.get(1),
					members(linked.subList(2, linked.size()), article.id(), article.publisherId()));
		};
	}

	/**
	 * Candidates of other publishers within the window at or above the threshold,
	 * best first.
	 */
	private List<Candidate> matches(StoryArticle article, int[] features, List<String> candidates) {
		long at = article.publishedAt().getEpochSecond();
		long window = this.properties.window().toSeconds();
		List<Candidate> matches = new ArrayList<>();
		for (int i = 0; i + 4 < candidates.size(); i += 5) {
			String publisher = candidates.get(i + 1);
			String published = candidates.get(i + 2);
			String encoded = candidates.get(i + 3);
			if (publisher.isEmpty() || encoded.isEmpty() || publisher.equals(article.publisherId())) {
				continue;
			}
			long candidateAt = Long.parseLong(published);
			if (Math.abs(candidateAt - at) > window) {
				continue;
			}
			double similarity = Similarity.jaccard(features, decode(encoded));
			if (similarity >= this.properties.threshold()) {
				matches.add(
						new Candidate(candidates.get(i), publisher, candidateAt, candidates.get(i + 4), similarity));
			}
		}
		matches.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
		return matches;
	}

	@Override
	public List<StoryMember> cluster(String articleId) {
		List<Object> own = this.redis.opsForHash().multiGet(ClusterKeys.article(articleId), List.of("c", "p"));
		if (own.get(0) == null || own.get(1) == null) {
			return List.of();
		}
		List<String> fields = new ArrayList<>();
		this.redis.opsForHash().entries(ClusterKeys.cluster((String) own.get(0))).forEach((field, value) -> {
			fields.add((String) field);
			fields.add((String) value);
		});
		return members(fields, articleId, (String) own.get(1));
	}

	@Override
	public List<String> unassigned(List<String> articleIds) {
		if (articleIds.isEmpty()) {
			return List.of();
		}
		List<Object> known = this.redis.executePipelined((RedisCallback<Object>) connection -> {
			for (String id : articleIds) {
				connection.keyCommands().exists(ClusterKeys.article(id).getBytes(StandardCharsets.UTF_8));
			}
			return null;
		});
		List<String> unassigned = new ArrayList<>();
		for (int i = 0; i < articleIds.size(); i++) {
			if (!Boolean.TRUE.equals(known.get(i))) {
				unassigned.add(articleIds.get(i));
			}
		}
		return unassigned;
	}

	@Override
	public void remove(String articleId) {
		String key = ClusterKeys.article(articleId);
		for (int attempt = 0; attempt < 4; attempt++) {
			List<Object> own = this.redis.opsForHash().multiGet(key, List.of("f", "c", "p"));
			if (own.get(0) == null || own.get(2) == null) {
				this.redis.delete(key);
				return;
			}
			String cluster = (own.get(1) == null) ? "" : (String) own.get(1);
			List<String> keys = new ArrayList<>();
			keys.add(key);
			keys.add(cluster.isEmpty() ? key : ClusterKeys.cluster(cluster));
			long[] bands = this.minHash.bandHashes(decode((String) own.get(0)));
			for (int band = 0; band < bands.length; band++) {
				keys.add(ClusterKeys.bucket(band, bands[band]));
			}
			Long done = this.redis.execute(ClusterScripts.FORGET, keys, articleId, (String) own.get(2), cluster);
			if (done != null && done == 1) {
				return;
			}
		}
		throw new IllegalStateException("Article " + articleId + " kept changing cluster while removed");
	}

	/**
	 * Cluster hash pairs (publisher, "at|id") to members, without the article
	 * itself, newest first.
	 */
	private static List<StoryMember> members(List<String> fieldsAndValues, String articleId, String publisherId) {
		List<StoryMember> members = new ArrayList<>();
		for (int i = 0; i + 1 < fieldsAndValues.size(); i += 2) {
			String publisher = fieldsAndValues.get(i);
			String value = fieldsAndValues.get(i + 1);
			int bar = value.indexOf('|');
			String id = value.substring(bar + 1);
			if (!id.equals(articleId) && !publisher.equals(publisherId)) {
				members.add(
						new StoryMember(id, publisher, Instant.ofEpochSecond(Long.parseLong(value.substring(0, bar)))));
			}
		}
		members.sort(Comparator.comparing(StoryMember::publishedAt).reversed().thenComparing(StoryMember::articleId));
		return members;
	}

	private static String newClusterId() {
		return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
	}

	static String encode(int[] features) {
		ByteBuffer buffer = ByteBuffer.allocate(features.length * Integer.BYTES);
		buffer.asIntBuffer().put(features);
		return Base64.getEncoder().withoutPadding().encodeToString(buffer.array());
	}

	static int[] decode(String encoded) {
		ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(encoded));
		int[] features = new int[buffer.remaining() / Integer.BYTES];
		buffer.asIntBuffer().get(features);
		return features;
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(@SuppressWarnings("rawtypes") List result) {
		return (result == null)
				? List.of()
				: Arrays.asList(((List<Object>) result).stream().map(String::valueOf).toArray(String[]::new));
	}

	private record Candidate(String id, String publisher, long at, String cluster, double similarity) {
	}

}
