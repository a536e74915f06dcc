package io.newsstand.aggregator.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.StoryArticle;
import io.newsstand.testing.RedisExtension;
import io.newsstand.testing.SettableClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The quality gate of story clustering (docs/discovery.md): every article of
 * the labelled set goes through the real engine on a real Redis in publishing
 * order, and a pair counts as "same story" when both end in one cluster.
 */
@ExtendWith(RedisExtension.class)
class ClusterQualityTest {

	@Test
	void clustersTheLabelledSetWithPrecisionAtLeast95AndRecallAtLeast80Percent(StringRedisTemplate redis) {
		EvaluationSet set = EvaluationSet.load();
		SettableClock clock = new SettableClock(Instant.EPOCH);
		RedisStoryClusters clusters = new RedisStoryClusters(redis, ClusterProperties.defaults(), clock);
		Map<String, String> clusterOf = new HashMap<>();
		for (StoryArticle article : set.inPublishingOrder()) {
			clock.set(article.publishedAt().plusSeconds(300)); // polled a few minutes after publication
			clusters.assign(article);
		}
		for (StoryArticle article : set.inPublishingOrder()) {
			Object cluster = redis.opsForHash().get(ClusterKeys.article(article.id()), "c");
			clusterOf.put(article.id(), (cluster == null) ? "alone:" + article.id() : (String) cluster);
		}

		EvaluationSet.Score score = set.score((a, b) -> Objects.equals(clusterOf.get(a.id()), clusterOf.get(b.id())));
		System.out.println("Story clusters on the labelled set (" + set.pairs().size() + " pairs): " + score);

		assertThat(set.pairs()).hasSizeGreaterThanOrEqualTo(200);
		assertThat(score.precision()).as(score.toString()).isGreaterThanOrEqualTo(0.95);
		assertThat(score.recall()).as(score.toString()).isGreaterThanOrEqualTo(0.8);
	}

}
