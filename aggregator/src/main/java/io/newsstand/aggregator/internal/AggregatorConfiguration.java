package io.newsstand.aggregator.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsstand.aggregator.ArticleSearchSource;
import io.newsstand.aggregator.PublicTeaser;
import io.newsstand.aggregator.RemoteMedia;
import io.newsstand.aggregator.StoryClusters;
import io.newsstand.aggregator.internal.catalog.Catalog;
import io.newsstand.aggregator.internal.catalog.CatalogFeed;
import io.newsstand.aggregator.internal.catalog.CatalogLoader;
import io.newsstand.aggregator.internal.demo.DemoFeedKey;
import io.newsstand.aggregator.internal.demo.DemoFeeds;
import io.newsstand.aggregator.internal.demo.DemoLogos;
import io.newsstand.aggregator.internal.demo.DemoPictures;
import io.newsstand.aggregator.internal.fetch.FeedFetcher;
import io.newsstand.aggregator.internal.fetch.FetchSettings;
import io.newsstand.aggregator.internal.fetch.FetcherRemoteMedia;
import io.newsstand.aggregator.internal.fetch.PrivateNetworkGuard;
import io.newsstand.aggregator.internal.parse.ArticleNormalizer;
import io.newsstand.aggregator.internal.parse.FeedParser;
import io.newsstand.aggregator.internal.parse.HtmlSanitizer;
import io.newsstand.aggregator.internal.poll.FeedPoller;
import io.newsstand.aggregator.internal.poll.PollMetrics;
import io.newsstand.aggregator.internal.poll.PollPolicy;
import io.newsstand.aggregator.internal.poll.Poller;
import io.newsstand.aggregator.internal.search.RedisSearchFeed;
import io.newsstand.aggregator.internal.store.ArticleReads;
import io.newsstand.aggregator.internal.store.ArticleStore;
import io.newsstand.aggregator.internal.store.FeedStateStore;
import io.newsstand.aggregator.internal.store.PollSchedule;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the aggregator. Time is {@link InstantSource#system()} here and
 * injected everywhere else, so tests build the same objects with their own
 * clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AggregatorProperties.class, CatalogProperties.class})
class AggregatorConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AggregatorConfiguration.class);

	private static final InstantSource CLOCK = InstantSource.system();

	/**
	 * The article store's JSON, written by ArticleStore and read by ArticleReads.
	 */
	private static final JsonMapper ARTICLE_JSON = JsonMapper.builder().build();

	@Bean
	Catalog catalog(CatalogProperties properties) {
		Catalog catalog = new CatalogLoader().load(properties.catalog());
		log.info("Catalog {}: {} publishers, {} feeds", catalog.source(), catalog.publishers().size(),
				catalog.feeds().size());
		return catalog;
	}

	@Bean
	DemoFeedKey demoFeedKey() {
		return new DemoFeedKey();
	}

	@Bean
	DemoPictures demoPictures() {
		return new DemoPictures();
	}

	@Bean
	DemoLogos demoLogos() {
		return new DemoLogos(new CatalogLoader().load("demo"));
	}

	@Bean
	DemoFeeds demoFeeds() {
		return new DemoFeeds(new CatalogLoader().load("demo"), CLOCK);
	}

	@Bean
	ArticleStore articleStore(StringRedisTemplate redis, AggregatorProperties properties,
			ObjectProvider<StoryClusters> clusters, ObjectProvider<RedisSearchFeed> searchFeed,
			ObjectProvider<MeterRegistry> registry) {
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
		return new ArticleStore(redis, ARTICLE_JSON, properties.retention(), CLOCK,
				new DiscoveryEvents(clusters.getIfUnique(), searchFeed.getIfUnique(), discovery,
						registry.getIfAvailable(SimpleMeterRegistry::new)));
	}

	@Bean
	ArticleReads articleReads(StringRedisTemplate redis) {
		return new ArticleReads(redis, ARTICLE_JSON);
	}

	@Bean
	ArticleSearchSource articleSearchSource(ArticleReads articles, ObjectProvider<PublicTeaser> teaser) {
		return new StoredArticleSearchSource(articles, teaser.getIfUnique(() -> {
			log.info("No PublicTeaser in the context: search indexes no body text as teasers");
			return body -> "";
		}));
	}

	@Bean
	FeedStateStore feedStateStore(StringRedisTemplate redis) {
		return new FeedStateStore(redis);
	}

	@Bean
	PollSchedule pollSchedule(StringRedisTemplate redis) {
		return new PollSchedule(redis, CLOCK);
	}

	@Bean
	ArticleService articleService(Catalog catalog, ArticleReads articles, FeedStateStore states,
			PollSchedule schedule) {
		return new ArticleService(catalog, articles, states, schedule);
	}

	@Bean
	PrivateNetworkGuard privateNetworkGuard(AggregatorProperties properties) {
		return new PrivateNetworkGuard(properties.allowedPrivateHosts());
	}

	/** One fetcher for feeds and images: one per-host limit for both. */
	@Bean
	FeedFetcher feedFetcher(AggregatorProperties properties, PrivateNetworkGuard guard) {
		return new FeedFetcher(
				new FetchSettings(properties.connectTimeout(), properties.requestTimeout(),
						properties.maxFeedSize().toBytes(), properties.maxRequestsPerHost(), properties.userAgent()),
				guard, CLOCK);
	}

	@Bean
	RemoteMedia remoteMedia(FeedFetcher fetcher, PrivateNetworkGuard guard, Environment environment) {
		return new FetcherRemoteMedia(fetcher, guard, () -> {
			String port = environment.getProperty("local.server.port");
			return port == null ? null : "127.0.0.1:" + port;
		});
	}

	@Bean
	Poller poller(Catalog catalog, PollSchedule schedule, ArticleStore store, FeedStateStore states,
			AggregatorProperties properties, ObjectProvider<MeterRegistry> registry, Environment environment,
			DemoFeedKey demoFeedKey, ObjectProvider<PublicTeaser> teaser, PrivateNetworkGuard guard,
			FeedFetcher fetcher) {
		PollPolicy policy = new PollPolicy(properties.minInterval(), properties.maxInterval(),
				properties.defaultInterval(), new Random());
		FeedPoller feedPoller = new FeedPoller(fetcher, new FeedParser(),
				new ArticleNormalizer(new HtmlSanitizer(), teaser.getIfUnique(() -> body -> "")), store, states, policy,
				new PollMetrics(registry.getIfAvailable(SimpleMeterRegistry::new)), CLOCK, url -> {
					if (!url.startsWith(CatalogFeed.SELF)) {
						return url;
					}
					String port = environment.getProperty("local.server.port");
					if (port == null) {
						return null;
					}
					guard.allow("127.0.0.1:" + port);
					return "http://127.0.0.1:" + port + demoFeedKey.pathFor(url.substring(CatalogFeed.SELF.length()));
				});
		return new Poller(catalog, schedule, feedPoller, workerName(),
				new Poller.Limits(properties.batchSize(), properties.maxInFlight(), properties.parseThreadsOrDefault(),
						properties.lease(), properties.maxInterval()),
				CLOCK);
	}

	@Bean
	@ConditionalOnProperty(prefix = "newsstand.aggregator", name = "polling-enabled", havingValue = "true", matchIfMissing = true)
	PollingScheduler pollingScheduler(Poller poller, ArticleStore store, Catalog catalog,
			AggregatorProperties properties, ArticleReads articles, ObjectProvider<StoryClusters> clusters,
			ObjectProvider<MeterRegistry> registry) {
		StoryClusters storyClusters = clusters.getIfUnique();
		// Articles published in the last 6 hours, at most 5,000: one round trip reads
		// them, one finds those without a record.
		ClusterCatchUp catchUp = storyClusters == null
				? null
				: new ClusterCatchUp(articles, storyClusters, CLOCK, Duration.ofHours(6), 5000,
						registry.getIfAvailable(SimpleMeterRegistry::new));
		return new PollingScheduler(poller, store, catalog, properties.tick(), catchUp);
	}

	private static String workerName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		} catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		return host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/"
				+ UUID.randomUUID().toString().substring(0, 8);
	}

}
