package io.newsstand.aggregator.internal.cluster;

import java.time.Instant;
import java.time.InstantSource;

/** A clock a test moves by hand. */
final class SettableClock implements InstantSource {

	private volatile Instant now;

	SettableClock(Instant now) {
		this.now = now;
	}

	void set(Instant now) {
		this.now = now;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
