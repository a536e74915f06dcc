package io.newsstand.aggregator.internal.fetch;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * At most N requests in flight per host, across all feeds polled by this
 * instance. Callers run on virtual threads, so waiting for a permit is cheap.
 */
final class HostLimiter {

	private final int permits;

	private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

	HostLimiter(int permits) {
		this.permits = permits;
	}

	Semaphore forHost(String host) {
		return this.hosts.computeIfAbsent(host.toLowerCase(Locale.ROOT), key -> new Semaphore(this.permits, true));
	}

}
