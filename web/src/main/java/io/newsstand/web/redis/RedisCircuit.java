package io.newsstand.web.redis;

import io.lettuce.core.event.EventBus;
import io.lettuce.core.event.connection.ReconnectFailedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.scheduling.TaskScheduler;
import reactor.core.Disposable;

/**
 * Whether requests should try Redis at all. Opens on the first failure that
 * says Redis cannot be reached ({@link RedisFailures}; a timeout alone does
 * not), so that every further request is answered 503 at once instead of
 * waiting out the command timeout; Lettuce's failed reconnects open it too.
 * While open, it pings Redis through the app's own connection factory every
 * {@code probe-interval} and closes on the first answer (a ping waits in
 * Lettuce's queue until the connection is back, so the answer comes as soon as
 * Redis does). It knows nothing of the topology behind the factory (one server,
 * Sentinel or Cluster).
 */
public class RedisCircuit {

	private static final Logger log = LoggerFactory.getLogger(RedisCircuit.class);

	private final RedisConnectionFactory connections;

	private final TaskScheduler scheduler;

	private final RedisCircuitProperties properties;

	private @Nullable Disposable connectionEvents;

	private volatile boolean open;

	private long openedAt;

	private @Nullable ScheduledFuture<?> probe;

	RedisCircuit(RedisConnectionFactory connections, TaskScheduler scheduler, RedisCircuitProperties properties) {
		this.connections = connections;
		this.scheduler = scheduler;
		this.properties = properties;
	}

	/**
	 * Also opens when Lettuce fails to re-establish a lost connection, so that the
	 * circuit is open before the first request waits for the command timeout.
	 */
	void follow(EventBus events) {
		this.connectionEvents = events.get().ofType(ReconnectFailedEvent.class)
				.subscribe(event -> open(event.getCause()));
	}

	void unfollow() {
		Disposable events = this.connectionEvents;
		if (events != null) {
			events.dispose();
		}
	}

	/** True while Redis is known to be unreachable. */
	public boolean isOpen() {
		return this.open;
	}

	/** When a client should try again, for {@code Retry-After}. */
	public Duration retryAfter() {
		return this.properties.retryAfter();
	}

	/**
	 * Opens the circuit if {@code failure} says Redis cannot be reached.
	 *
	 * @return whether it was such a failure
	 */
	public boolean tripOn(Throwable failure) {
		Throwable outage = RedisFailures.unavailable(failure);
		if (outage == null) {
			return false;
		}
		// A command that timed out says Redis was slow (a loaded machine, a long
		// script), not gone: this request gets its 503, but only a connection failure
		// or a failed reconnect turns every reader away.
		if (!RedisFailures.isTimeout(outage)) {
			open(outage);
		}
		return true;
	}

	private synchronized void open(@Nullable Throwable outage) {
		if (this.open) {
			return;
		}
		this.open = true;
		this.openedAt = System.nanoTime();
		log.warn("Redis cannot be reached ({}); answering 503 at once and checking every {} ms until it answers",
				String.valueOf(outage), this.properties.probeInterval().toMillis());
		Duration interval = this.properties.probeInterval();
		this.probe = this.scheduler.scheduleWithFixedDelay(this::probe, Instant.now().plus(interval), interval);
	}

	void probe() {
		if (!this.open) {
			return;
		}
		try (RedisConnection connection = this.connections.getConnection()) {
			connection.ping();
		} catch (RuntimeException stillAway) {
			log.debug("Redis still away: {}", stillAway.toString());
			return;
		}
		close();
	}

	private synchronized void close() {
		if (!this.open) {
			return;
		}
		this.open = false;
		ScheduledFuture<?> running = this.probe;
		this.probe = null;
		if (running != null) {
			running.cancel(false);
		}
		log.info("Redis answers again; serving requests after {} ms of 503s",
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.openedAt));
	}

}
