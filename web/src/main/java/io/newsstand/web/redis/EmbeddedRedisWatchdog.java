package io.newsstand.web.redis;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Restarts the embedded Redis on its data if the process dies, so the app
 * recovers by itself.
 */
class EmbeddedRedisWatchdog {

	private final EmbeddedRedisServer server;

	EmbeddedRedisWatchdog(EmbeddedRedisServer server) {
		this.server = server;
	}

	@Scheduled(fixedDelayString = "${newsstand.redis.watchdog-interval:2s}", initialDelayString = "${newsstand.redis.watchdog-interval:2s}")
	void check() {
		this.server.restartIfDead();
	}

}
