package io.newsstand.aggregator.internal.search;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the tasks an executor is running, so their owner can wait until none
 * is left.
 */
final class RunningTasks {

	private static final Duration CHECK_EVERY = Duration.ofMillis(10);

	private final AtomicInteger running = new AtomicInteger();

	/** {@code executor}, counting each task while it runs. */
	Executor around(Executor executor) {
		return (task) -> executor.execute(() -> {
			this.running.incrementAndGet();
			try {
				task.run();
			} finally {
				this.running.decrementAndGet();
			}
		});
	}

	/** Waits until no task runs, at most {@code timeout}; true when none does. */
	boolean awaitNone(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.running.get() > 0) {
			if (System.nanoTime() >= deadline) {
				return false;
			}
			try {
				Thread.sleep(CHECK_EVERY);
			} catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return this.running.get() == 0;
			}
		}
		return true;
	}

}
