package io.newsstand.aggregator.internal.store;

import io.newsstand.aggregator.Article;
import java.util.Collection;
import java.util.List;
import org.springframework.data.redis.core.RedisOperations;

/**
 * What the article store tells others about its writes (discovery: story
 * clusters and the search feed). The {@code queue} methods add commands to the
 * store's own write pipeline, after the articles' commands, so that they cost
 * no extra round trip; they must only queue commands. The other methods run
 * after the pipeline succeeded and must isolate their own failures: the
 * articles are stored by then.
 */
interface ArticleEvents {

	/** Nothing listens. */
	ArticleEvents NONE = new ArticleEvents() {
	};

	/**
	 * Queues commands for articles stored for the first time or updated.
	 *
	 * @return how many commands it queued
	 */
	default int queueStored(RedisOperations<String, String> pipeline, List<Article> articles) {
		return 0;
	}

	/**
	 * Queues commands for articles removed by retention.
	 *
	 * @return how many commands it queued
	 */
	default int queueRemoved(RedisOperations<String, String> pipeline, Collection<String> articleIds) {
		return 0;
	}

	/** After articles were stored (first time or updated). */
	default void stored(List<Article> articles) {
	}

	/** After articles were removed by retention. */
	default void removed(Collection<String> articleIds) {
	}

}
