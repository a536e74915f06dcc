package io.newsstand.aggregator;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where {@link StoryClusters#assign} put an article.
 *
 * @param articleId
 *            the article
 * @param clusterId
 *            its story cluster, or {@code null} when no other publisher has
 *            told the same story within the window (yet)
 * @param alsoCoveredBy
 *            the other publishers' versions, newest first; never the article
 *            itself, never its own publisher
 */
public record ClusterAssignment(String articleId, @Nullable String clusterId, List<StoryMember> alsoCoveredBy) {

	public ClusterAssignment {
		alsoCoveredBy = List.copyOf(alsoCoveredBy);
	}

	/** An article that stands alone. */
	public static ClusterAssignment alone(String articleId) {
		return new ClusterAssignment(articleId, null, List.of());
	}

	/** The cluster, if the article has one. */
	public Optional<String> cluster() {
		return Optional.ofNullable(this.clusterId);
	}

}
