package io.newsstand.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock tests move by hand, so expiry, due times and reminders are
 * tested without sleeping. It is a {@link Clock} (in UTC) and so also an
 * {@link java.time.InstantSource}: a test context that registers one as its
 * time-source bean moves every module's notion of now at once.
 * {@link #advance(Duration)} is atomic, so threads moving it concurrently lose
 * no step.
 */
public final class SettableClock extends Clock {

	private final AtomicReference<Instant> now;

	public SettableClock(Instant now) {
		this.now = new AtomicReference<>(now);
	}

	public void set(Instant instant) {
		this.now.set(instant);
	}

	public void advance(Duration duration) {
		this.now.updateAndGet(instant -> instant.plus(duration));
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	/** Zones do not matter to the rules under test; the time stays shared. */
	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
