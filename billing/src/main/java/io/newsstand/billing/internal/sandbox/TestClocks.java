package io.newsstand.billing.internal.sandbox;

import java.util.Map;
import java.util.Objects;

/**
 * Test clocks: creating one, and advancing it, which runs for the subscriptions
 * of the clock's customers, in time order, whatever falls due on the way (see
 * {@link SubscriptionLifecycle#dueAt}): trial reminders, trial ends, renewals,
 * payment retries.
 */
final class TestClocks {

	private final SandboxStore store;

	private final SandboxEvents emitter;

	private final SubscriptionLifecycle lifecycle;

	TestClocks(SandboxStore store, SandboxEvents emitter, SubscriptionLifecycle lifecycle) {
		this.store = store;
		this.emitter = emitter;
		this.lifecycle = lifecycle;
	}

	Map<String, Object> createClock(StripeParams params) {
		return this.emitter.change(events -> {
			Model.TestClock clock = new Model.TestClock();
			clock.id = this.store.newId("clock_");
			clock.frozenTime = Long.parseLong(params.require("frozen_time"));
			clock.name = Objects.requireNonNullElse(params.get("name"), "");
			clock.created = this.store.realNow();
			this.store.put(clock.id, clock);
			return this.store.render(clock);
		});
	}

	Map<String, Object> advanceClock(String id, long target) {
		return this.emitter.change(events -> {
			Model.TestClock clock = this.store.get(Model.TestClock.class, "test_clock", id);
			if (target <= clock.frozenTime) {
				throw SandboxError.invalid("parameter_invalid_integer", "frozen_time",
						"The frozen_time must be after the test clock's current frozen time.");
			}
			while (true) {
				Model.Subscription next = null;
				long due = Long.MAX_VALUE;
				for (Model.Subscription s : this.store.all(Model.Subscription.class)) {
					if (this.store.find(s.customer) instanceof Model.Customer c && id.equals(c.testClock)) {
						long at = SubscriptionLifecycle.dueAt(s);
						if (at <= target && at < due) {
							due = at;
							next = s;
						}
					}
				}
				if (next == null) {
					break;
				}
				clock.frozenTime = Math.max(clock.frozenTime, due);
				this.lifecycle.advance(next, Math.max(due, clock.frozenTime), events);
			}
			clock.frozenTime = target;
			return this.store.render(clock);
		});
	}

}
