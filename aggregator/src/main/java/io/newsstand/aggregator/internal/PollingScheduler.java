package io.newsstand.aggregator.internal;

import io.newsstand.aggregator.internal.catalog.Catalog;
import io.newsstand.aggregator.internal.catalog.CatalogFeed;
import io.newsstand.aggregator.internal.catalog.CatalogPublisher;
import io.newsstand.aggregator.internal.poll.Poller;
import io.newsstand.aggregator.internal.store.ArticleStore;
import io.newsstand.aggregator.internal.store.RedisKeys;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the poller on Spring's scheduler (every {@code tick}), syncs the catalog
 * into the schedule, applies retention hourly, and catches up on story clusters
 * never assigned every {@link #CATCH_UP} (when clusters are on). Present only
 * when {@code newsstand.aggregator.polling-enabled} is true. Every poller
 * polls; retention and catch-up run only on the poller holding the
 * {@link JobLease}.
 */
final class PollingScheduler implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(PollingScheduler.class);

	private static final Duration RESYNC = Duration.ofMinutes(10);

	static final Duration CATCH_UP = Duration.ofMinutes(10);

	private final Poller poller;

	private final ArticleStore store;

	private final Catalog catalog;

	private final Duration tick;

	private final @Nullable ClusterCatchUp catchUp;

	private final JobLease lease;

	private long lastSync;

	PollingScheduler(Poller poller, ArticleStore store, Catalog catalog, Duration tick,
			@Nullable ClusterCatchUp catchUp, JobLease lease) {
		this.poller = poller;
		this.store = store;
		this.catalog = catalog;
		this.tick = tick;
		this.catchUp = catchUp;
		this.lease = lease;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::tick, this.tick, Duration.ofSeconds(1)));
		registrar.addFixedDelayTask(new FixedDelayTask(this::cleanup, Duration.ofHours(1), Duration.ofMinutes(5)));
		if (this.catchUp != null) {
			registrar.addFixedDelayTask(new FixedDelayTask(this::catchUp, CATCH_UP, Duration.ofMinutes(1)));
		}
	}

	void catchUp() {
		try {
			ClusterCatchUp job = this.catchUp;
			if (job != null) {
				this.lease.run("cluster-catch-up", job::run);
			}
		} catch (RuntimeException ex) {
			log.warn("Story cluster catch-up failed (next try in {}): {}", CATCH_UP, ex.toString());
		}
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

	void cleanup() {
		this.lease.run("retention", this::applyRetention);
	}

	private void applyRetention() {
		try {
			Set<String> indexes = new LinkedHashSet<>();
			for (CatalogPublisher publisher : this.catalog.publishers()) {
				indexes.add(RedisKeys.byPublisher(publisher.id()));
				indexes.add(RedisKeys.byRegion(publisher.region()));
				publisher.feeds().stream().map(CatalogFeed::section).filter(Objects::nonNull)
						.forEach(section -> indexes.add(RedisKeys.bySection(section)));
			}
			int removed = this.store.cleanup(indexes);
			if (removed > 0) {
				log.info("Retention removed {} article(s)", removed);
			}
		} catch (RuntimeException ex) {
			log.warn("Retention cleanup failed (next try in 1h): {}", ex.toString());
		}
	}

}
