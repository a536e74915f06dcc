package io.newsstand.aggregator.internal.poll;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsstand.aggregator.PublicTeaser;
import io.newsstand.aggregator.internal.AggregatorProperties;
import io.newsstand.aggregator.internal.ConditionalOnPolling;
import io.newsstand.aggregator.internal.catalog.Catalog;
import io.newsstand.aggregator.internal.catalog.CatalogFeed;
import io.newsstand.aggregator.internal.demo.DemoFeedKey;
import io.newsstand.aggregator.internal.fetch.FeedFetcher;
import io.newsstand.aggregator.internal.fetch.PrivateNetworkGuard;
import io.newsstand.aggregator.internal.parse.ArticleNormalizer;
import io.newsstand.aggregator.internal.parse.FeedParser;
import io.newsstand.aggregator.internal.parse.HtmlSanitizer;
import io.newsstand.aggregator.internal.store.ArticleStore;
import io.newsstand.aggregator.internal.store.FeedStateStore;
import io.newsstand.aggregator.internal.store.PollLeases;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.InstantSource;
import java.util.Random;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AggregatorProperties.class)
class PollConfiguration {

	@Bean
	PollCycle poller(Catalog catalog, PollLeases schedule, ArticleStore store, FeedStateStore states,
			AggregatorProperties properties, ObjectProvider<MeterRegistry> registry, Environment environment,
			DemoFeedKey demoFeedKey, ObjectProvider<PublicTeaser> teaser, PrivateNetworkGuard guard,
			FeedFetcher fetcher, ObjectProvider<InstantSource> clocks) {
		InstantSource clock = clocks.getIfAvailable(InstantSource::system);
		PollIntervals policy = new PollIntervals(properties.minInterval(), properties.maxInterval(),
				properties.defaultInterval(), new Random());
		FeedPoller feedPoller = new FeedPoller(fetcher, new FeedParser(),
				new ArticleNormalizer(new HtmlSanitizer(), teaser.getIfUnique(() -> body -> "")), store, states, policy,
				new PollMetrics(registry.getIfAvailable(SimpleMeterRegistry::new)), clock, url -> {
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
		return new PollCycle(catalog, schedule, feedPoller, workerName(),
				new PollCycle.Limits(properties.batchSize(), properties.maxInFlight(),
						properties.parseThreadsOrDefault(), properties.lease(), properties.maxInterval()),
				clock);
	}

	@Bean
	@ConditionalOnPolling
	PollCycleScheduler pollingScheduler(PollCycle poller, Catalog catalog, AggregatorProperties properties) {
		return new PollCycleScheduler(poller, catalog, properties.tick());
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
