package io.newsstand.web.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the app fails and recovers when Redis is away.
 *
 * @param probeInterval
 *            how often an open circuit pings Redis to see whether it is back
 * @param retryAfter
 *            the {@code Retry-After} of the 503 answered while the circuit is
 *            open
 * @param maxReconnectDelay
 *            the longest Lettuce waits between two reconnect attempts (it
 *            starts at a few milliseconds and doubles)
 */
@ConfigurationProperties("newsstand.redis.circuit")
record RedisCircuitProperties(@DefaultValue("100ms") Duration probeInterval, @DefaultValue("1s") Duration retryAfter,
		@DefaultValue("500ms") Duration maxReconnectDelay) {
}
