package io.newsstand.aggregator.internal.poll;

import io.newsstand.aggregator.internal.catalog.Catalog;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the poller on Spring's scheduler (every {@code tick}) and syncs the
 * catalog into the schedule every {@link #RESYNC}. Present only when
 * {@code newsstand.aggregator.polling-enabled} is true. Every poller polls; the
 * store's jobs that run on one node (retention, story-cluster catch-up) are
 * scheduled by the store.
 */
final class PollCycleScheduler implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(PollCycleScheduler.class);

	private static final Duration RESYNC = Duration.ofMinutes(10);

	private final PollCycle poller;

	private final Catalog catalog;

	private final Duration tick;

	private long lastSync;

	PollCycleScheduler(PollCycle poller, Catalog catalog, Duration tick) {
		this.poller = poller;
		this.catalog = catalog;
		this.tick = tick;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::tick, this.tick, Duration.ofSeconds(1)));
	}

	void tick() {
		try {
			if (this.lastSync == 0 || System.nanoTime() - this.lastSync > RESYNC.toNanos()) {
				long added = this.poller.syncCatalog();
				this.lastSync = System.nanoTime();
				if (added > 0) {
					log.info("Scheduled {} new feed(s) of catalog {} for an immediate poll", added,
							this.catalog.source());
				}
			}
			this.poller.pollDue();
		} catch (RuntimeException ex) {
			log.warn("Poll cycle of worker {} failed (next try in {}): {}", this.poller.worker(), this.tick,
					ex.toString());
		}
	}

}
