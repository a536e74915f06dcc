package io.newsstand.aggregator.internal.fetch;

import io.newsstand.aggregator.RemoteMedia;
import io.newsstand.aggregator.internal.AggregatorProperties;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AggregatorProperties.class)
class FetchConfiguration {

	@Bean
	PrivateNetworkGuard privateNetworkGuard(AggregatorProperties properties) {
		return new PrivateNetworkGuard(properties.allowedPrivateHosts());
	}

	/** One fetcher for feeds and images: one per-host limit for both. */
	@Bean
	FeedFetcher feedFetcher(AggregatorProperties properties, PrivateNetworkGuard guard,
			ObjectProvider<InstantSource> clock) {
		return new FeedFetcher(
				new FetchSettings(properties.connectTimeout(), properties.requestTimeout(),
						properties.maxFeedSize().toBytes(), properties.maxRequestsPerHost(), properties.userAgent()),
				guard, clock.getIfAvailable(InstantSource::system));
	}

	@Bean
	RemoteMedia remoteMedia(FeedFetcher fetcher, PrivateNetworkGuard guard, Environment environment) {
		return new FetcherRemoteMedia(fetcher, guard, () -> {
			String port = environment.getProperty("local.server.port");
			return port == null ? null : "127.0.0.1:" + port;
		});
	}

}
