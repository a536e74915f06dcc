package io.newsstand.aggregator.internal.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsstand.aggregator.StoryClusters;
import io.newsstand.aggregator.internal.AggregatorProperties;
import io.newsstand.aggregator.internal.ConditionalOnPolling;
import io.newsstand.aggregator.internal.catalog.Catalog;
import io.newsstand.aggregator.internal.search.RedisSearchFeed;
import java.time.Duration;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AggregatorProperties.class)
class StoreConfiguration {

	/**
	 * The article store's JSON, written by ArticleStore and read by ArticleReads.
	 */
	private static final JsonMapper ARTICLE_JSON = JsonMapper.builder().build();

	@Bean
	ArticleStore articleStore(StringRedisTemplate redis, AggregatorProperties properties,
			ObjectProvider<StoryClusters> clusters, ObjectProvider<RedisSearchFeed> searchFeed,
			ObjectProvider<MeterRegistry> registry, ObjectProvider<InstantSource> clock) {
		// One feed's assignments at a time, in order, off the poller's path; a
		// backlog beyond 1,000 feeds is dropped (logged and counted), never waited
		// for. Not a bean: an Executor bean would replace Boot's task executor.
		ThreadPoolTaskExecutor discovery = new ThreadPoolTaskExecutor();
		discovery.setThreadNamePrefix("discovery-");
		discovery.setCorePoolSize(1);
		discovery.setMaxPoolSize(1);
		discovery.setQueueCapacity(1000);
		discovery.setAllowCoreThreadTimeOut(true);
		discovery.setKeepAliveSeconds(30);
		discovery.setDaemon(true);
		discovery.initialize();
		return new ArticleStore(redis, ARTICLE_JSON, properties.retention(),
				clock.getIfAvailable(InstantSource::system), new DiscoveryEvents(clusters.getIfUnique(),
						searchFeed.getIfUnique(), discovery, registry.getIfAvailable(SimpleMeterRegistry::new)));
	}

	@Bean
	ArticleReads articleReads(StringRedisTemplate redis) {
		return new ArticleReads(redis, ARTICLE_JSON);
	}

	@Bean
	FeedStateStore feedStateStore(StringRedisTemplate redis) {
		return new FeedStateStore(redis);
	}

	@Bean
	PollLeases pollSchedule(StringRedisTemplate redis, ObjectProvider<InstantSource> clock) {
		return new PollLeases(redis, clock.getIfAvailable(InstantSource::system));
	}

	@Bean
	@ConditionalOnPolling
	StoreJobs storeJobs(ArticleStore store, Catalog catalog, ArticleReads articles,
			ObjectProvider<StoryClusters> clusters, ObjectProvider<MeterRegistry> registry, JobLease lease,
			ObjectProvider<InstantSource> clock) {
		StoryClusters storyClusters = clusters.getIfUnique();
		// Articles published in the last 6 hours, at most 5,000: one round trip reads
		// them, one finds those without a record.
		ClusterCatchUp catchUp = storyClusters == null
				? null
				: new ClusterCatchUp(articles, storyClusters, clock.getIfAvailable(InstantSource::system),
						Duration.ofHours(6), 5000, registry.getIfAvailable(SimpleMeterRegistry::new));
		return new StoreJobs(store, catalog, catchUp, lease);
	}

	/** The lease on retention and story-cluster catch-up, held by one poller. */
	@Bean
	@ConditionalOnPolling
	JobLease aggregatorJobLease(RedisConnectionFactory connections, ObjectProvider<MeterRegistry> registry) {
		return new JobLease(connections, RedisKeys.JOB_LEASES, "aggregator",
				registry.getIfAvailable(SimpleMeterRegistry::new));
	}

}
