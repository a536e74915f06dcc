package io.newsstand.stripesandbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulated Stripe trouble for tests and demos: the next N API requests answer
 * 500, or answer only after a delay (after their change is applied, as when a
 * response is lost to a timeout). Test-helper endpoints are never affected.
 */
public final class SandboxFaults {

	private final AtomicInteger errors = new AtomicInteger();

	private final AtomicInteger slow = new AtomicInteger();

	private volatile Duration delay = Duration.ZERO;

	/** The next {@code count} API requests fail with a 500. */
	public void failNext(int count) {
		this.errors.set(count);
	}

	/** The next {@code count} API requests answer only after {@code delay}. */
	public void slowNext(int count, Duration delay) {
		this.delay = delay;
		this.slow.set(count);
	}

	/** Back to normal. */
	public void clear() {
		this.errors.set(0);
		this.slow.set(0);
	}

	void before(String path) {
		if (!path.contains("/test_helpers/") && this.errors.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
			throw new Injected(path);
		}
	}

	void after(String path) {
		if (!path.contains("/test_helpers/") && this.slow.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
			try {
				Thread.sleep(this.delay);
			} catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	static final class Injected extends RuntimeException {

		Injected(String path) {
			super(path);
		}

	}

}
