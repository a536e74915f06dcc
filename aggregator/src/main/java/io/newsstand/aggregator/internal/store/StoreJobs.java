package io.newsstand.aggregator.internal.store;

import io.newsstand.aggregator.internal.catalog.Catalog;
import io.newsstand.aggregator.internal.catalog.CatalogFeed;
import io.newsstand.aggregator.internal.catalog.CatalogPublisher;
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
 * The store's jobs on Spring's scheduler: retention hourly, and catching up on
 * story clusters never assigned every {@link #CATCH_UP} (when clusters are on).
 * Present only when {@code newsstand.aggregator.polling-enabled} is true; both
 * run only on the poller holding the {@link JobLease}.
 */
final class StoreJobs implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(StoreJobs.class);

	static final Duration CATCH_UP = Duration.ofMinutes(10);

	private final ArticleStore store;

	private final Catalog catalog;

	private final @Nullable ClusterCatchUp catchUp;

	private final JobLease lease;

	StoreJobs(ArticleStore store, Catalog catalog, @Nullable ClusterCatchUp catchUp, JobLease lease) {
		this.store = store;
		this.catalog = catalog;
		this.catchUp = catchUp;
		this.lease = lease;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
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
