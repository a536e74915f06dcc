package io.newsstand.aggregator.internal.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.integration.leader.DefaultCandidate;
import org.springframework.integration.redis.util.RedisLockRegistry;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;

/**
 * A Redis lease on the aggregator's jobs that must run on one node at a time
 * (retention, story-cluster catch-up): every polling node competes for it, one
 * holds it and runs them, the others skip their runs. The holder renews the
 * lease every {@link #HEARTBEAT}; a node that stops releases it, so another
 * takes over within seconds, and a node that dies loses it when it expires
 * ({@link #TTL}). Spring Integration's {@link RedisLockRegistry} keeps the
 * lease in one key, with single-key scripts, so it works on a Cluster.
 * <p>
 * The lease is advisory (a failover can lose the key, a paused holder can
 * outlive it): these jobs are safe to run twice, the lease only saves the work.
 */
final class JobLease implements SmartLifecycle {

	static final Duration TTL = Duration.ofSeconds(30);

	static final Duration HEARTBEAT = Duration.ofSeconds(5);

	private final RedisLockRegistry locks;

	private final LockRegistryLeaderInitiator initiator;

	private SimpleAsyncTaskExecutor executor;

	private final MeterRegistry registry;

	private final String role;

	JobLease(RedisConnectionFactory connections, String registryKey, String role, MeterRegistry registry) {
		this.locks = new RedisLockRegistry(connections, registryKey, TTL);
		// Waiting nodes ask once a second, not every 100 ms (the default).
		this.locks.setIdleBetweenTries(Duration.ofSeconds(1));
		this.initiator = new LockRegistryLeaderInitiator(this.locks,
				new DefaultCandidate(UUID.randomUUID().toString(), role));
		this.initiator.setHeartBeatMillis(HEARTBEAT.toMillis());
		this.initiator.setBusyWaitMillis(Duration.ofSeconds(1).toMillis());
		this.executor = executor(role);
		this.registry = registry;
		this.role = role;
		Gauge.builder("newsstand.jobs.lease", this, lease -> lease.held() ? 1 : 0).tag("role", role)
				.description("1 while this node holds the lease on the jobs that run on one node").register(registry);
	}

	/** Whether this node holds the lease now. */
	boolean held() {
		return this.initiator.getContext().isLeader();
	}

	/**
	 * Runs a job if this node holds the lease.
	 *
	 * @return whether it ran
	 */
	boolean run(String job, Runnable work) {
		boolean here = held();
		Counter.builder("newsstand.jobs.runs").tag("role", this.role).tag("job", job)
				.tag("outcome", here ? "ran" : "skipped").register(this.registry).increment();
		if (here) {
			work.run();
		}
		return here;
	}

	/**
	 * A new executor per start: a stop closes it (so the lease's thread releases
	 * the key before the node is gone), and a stopped context may start again (a
	 * test context paused between uses).
	 */
	@Override
	public synchronized void start() {
		if (!this.executor.isActive()) {
			this.executor = executor(this.role);
		}
		this.initiator.setTaskExecutor(this.executor);
		this.initiator.start();
	}

	@Override
	public synchronized void stop() {
		this.initiator.stop();
		this.executor.close();
	}

	private static SimpleAsyncTaskExecutor executor(String role) {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("job-lease-" + role + "-");
		executor.setVirtualThreads(true);
		// Closing waits for the lease's thread to release the key: the next node then
		// takes over at once instead of after the TTL.
		executor.setTaskTerminationTimeout(3000);
		return executor;
	}

	@Override
	public boolean isRunning() {
		return this.initiator.isRunning();
	}

}
