package io.newsstand.aggregator.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.ArticleSearch;
import io.newsstand.aggregator.SearchFeed;
import io.newsstand.aggregator.SearchQuery;
import io.newsstand.aggregator.StoryClusters;
import io.newsstand.aggregator.internal.cluster.ClusterTestAccess;
import io.newsstand.testing.RedisExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The discovery beans as the app wires them (story clusters and search). */
@ExtendWith(RedisExtension.class)
class DiscoveryConfigurationTest {

	@TempDir
	Path dir;

	private ApplicationContextRunner runner(StringRedisTemplate redis, RedisConnectionFactory connections) {
		return new ApplicationContextRunner().withBean(StringRedisTemplate.class, () -> redis)
				.withBean(RedisConnectionFactory.class, () -> connections)
				.withUserConfiguration(SearchConfiguration.class, ClusterTestAccess.configuration())
				.withPropertyValues("newsstand.search.index-dir=" + this.dir.resolve("index"));
	}

	@Test
	void providesClustersSearchAndTheFeedWithDefaults(StringRedisTemplate redis, RedisConnectionFactory connections) {
		runner(redis, connections).run(context -> {
			assertThat(context).hasSingleBean(StoryClusters.class).hasSingleBean(ArticleSearch.class)
					.hasSingleBean(SearchFeed.class);
			SearchProperties properties = context.getBean(SearchProperties.class);
			assertThat(properties.enabled()).isTrue();
			assertThat(properties.recencyHalfLife()).hasHours(48);
		});
	}

	@Test
	void searchCanBeSwitchedOffAndThenAnswersEmpty(StringRedisTemplate redis, RedisConnectionFactory connections) {
		runner(redis, connections).withPropertyValues("newsstand.search.enabled=false").run(context -> {
			assertThat(context.getBean(ArticleSearch.class).search(SearchQuery.of("anything")).indexReady()).isFalse();
			assertThat(this.dir.resolve("index")).doesNotExist();
		});
	}

	@Test
	void aBadSettingStopsStartWithThePropertyName(StringRedisTemplate redis, RedisConnectionFactory connections) {
		runner(redis, connections).withPropertyValues("newsstand.discovery.clusters.threshold=1.5")
				.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
						.hasMessageContaining("newsstand.discovery.clusters.threshold"));
		runner(redis, connections).withPropertyValues("newsstand.search.recency-half-life=0s")
				.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
						.hasMessageContaining("newsstand.search.recency-half-life"));
	}

}
