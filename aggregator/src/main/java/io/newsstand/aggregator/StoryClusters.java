package io.newsstand.aggregator;

import java.util.List;

/**
 * Groups articles that tell the same story across publishers ("Also covered
 * by"). A cluster holds at most one article per publisher, and only articles
 * published within the configured window of each other.
 */
public interface StoryClusters {

	/**
	 * Puts a new or updated article into the cluster of the most similar article of
	 * another publisher, or leaves it alone. Calling it again with unchanged text
	 * changes nothing; with changed text the article is re-clustered.
	 */
	ClusterAssignment assign(StoryArticle article);

	/**
	 * The other publishers' versions of the article's story, newest first; empty
	 * when the article is alone or unknown.
	 */
	List<StoryMember> cluster(String articleId);

	/** Forgets an article (retention): it leaves its cluster and its buckets. */
	void remove(String articleId);

	/**
	 * Those of the given articles that were never assigned (no record of them):
	 * assignments lost with a node that stopped before its queue was done, or
	 * dropped when the queue was full.
	 */
	List<String> unassigned(List<String> articleIds);

}
