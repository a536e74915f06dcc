package io.newsstand.web.redis;

import java.time.Duration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Restarts the embedded Redis on its data if the process dies, so the app
 * recovers by itself; checks every {@code newsstand.redis.watchdog-interval}.
 */
class EmbeddedRedisWatchdog implements SchedulingConfigurer {

	private final EmbeddedRedisServer server;

	private final Duration interval;

	EmbeddedRedisWatchdog(EmbeddedRedisServer server, Duration interval) {
		this.server = server;
		this.interval = interval;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::check, this.interval, this.interval));
	}

	void check() {
		this.server.restartIfDead();
	}

}
