package io.newsstand.stripesandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Test clocks: creating one, and advancing it, which runs for the subscriptions
 * of the clock's customers, in time order, whatever falls due on the way (see
 * {@link SubscriptionLifecycle#dueAt}): trial reminders, trial ends, renewals,
 * payment retries. One advance emits at most {@code maxEvents} events: a longer
 * one is refused whole (nothing changes) and is to be made in steps, so one
 * request cannot hold the sandbox lock for long.
 */
final class TestClocks {

	private final SandboxStore store;

	private final SandboxEvents emitter;

	private final SubscriptionLifecycle lifecycle;

	private final int maxEvents;

	TestClocks(SandboxStore store, SandboxEvents emitter, SubscriptionLifecycle lifecycle, int maxEvents) {
		this.store = store;
		this.emitter = emitter;
		this.lifecycle = lifecycle;
		this.maxEvents = maxEvents;
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
			List<Model.Subscription> subscriptions = new ArrayList<>();
			for (Model.Customer customer : this.store.members(Model.Customer.class, "clock:" + id)) {
				subscriptions.addAll(this.store.members(Model.Subscription.class, "subscriptions:" + customer.id));
			}
			while (true) {
				Model.Subscription next = null;
				long due = Long.MAX_VALUE;
				for (Model.Subscription s : subscriptions) {
					long at = SubscriptionLifecycle.dueAt(s);
					if (at <= target && at < due) {
						due = at;
						next = s;
					}
				}
				if (next == null) {
					break;
				}
				clock.frozenTime = Math.max(clock.frozenTime, due);
				this.lifecycle.advance(next, Math.max(due, clock.frozenTime), events);
				if (events.size() > this.maxEvents) {
					throw SandboxError.invalid("test_clock_advance_too_far", "frozen_time",
							"Advancing this test clock to " + target + " would emit more than " + this.maxEvents
									+ " events; advance it in smaller steps.");
				}
			}
			clock.frozenTime = target;
			return this.store.render(clock);
		});
	}

}
