package io.newsstand.aggregator.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the poller ({@code newsstand.aggregator.*}, documented in
 * docs/configuration.md).
 */
@ConfigurationProperties("newsstand.aggregator")
public record AggregatorProperties(@DefaultValue("true") boolean pollingEnabled,
		@DefaultValue("5m") Duration minInterval, @DefaultValue("6h") Duration maxInterval,
		@DefaultValue("15m") Duration defaultInterval, @DefaultValue("5MB") DataSize maxFeedSize,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("20s") Duration requestTimeout,
		@DefaultValue("2") int maxRequestsPerHost, @DefaultValue List<String> allowedPrivateHosts,
		@DefaultValue("30d") Duration retention, @DefaultValue("5s") Duration tick, @DefaultValue("100") int batchSize,
		@DefaultValue("300") int maxInFlight, @DefaultValue("0") int parseThreads, @DefaultValue("2m") Duration lease,
		@DefaultValue("NewsstandBot/0.1 (+https://github.com/newsstand/newsstand; feed aggregator)") String userAgent) {

	public AggregatorProperties {
		require(minInterval.isPositive(), "min-interval", "must be positive");
		require(maxInterval.compareTo(minInterval) >= 0, "max-interval", "must not be shorter than min-interval");
		require(defaultInterval.isPositive(), "default-interval", "must be positive");
		require(maxFeedSize.toBytes() > 0, "max-feed-size", "must be positive");
		require(maxRequestsPerHost > 0, "max-requests-per-host", "must be at least 1");
		require(batchSize > 0, "batch-size", "must be at least 1");
		require(maxInFlight >= batchSize, "max-in-flight", "must not be smaller than batch-size");
		require(parseThreads >= 0, "parse-threads", "must not be negative (0: one per processor)");
		require(lease.compareTo(requestTimeout) > 0, "lease", "must be longer than request-timeout");
		require(retention.isPositive(), "retention", "must be positive");
	}

	/** Threads parsing changed feed bodies: the setting, or one per processor. */
	public int parseThreadsOrDefault() {
		return this.parseThreads > 0 ? this.parseThreads : Runtime.getRuntime().availableProcessors();
	}

	private static void require(boolean condition, String property, String problem) {
		if (!condition) {
			throw new IllegalArgumentException("newsstand.aggregator." + property + " " + problem);
		}
	}

}
