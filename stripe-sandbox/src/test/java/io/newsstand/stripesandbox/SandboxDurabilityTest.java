package io.newsstand.stripesandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstand.testing.RedisExtension;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The sandbox keeps its objects in Redis, written through in the change that
 * makes them: a sandbox started after an abrupt stop (no shutdown, no save) has
 * every object, several sandboxes on one Redis (app nodes) see each other's
 * objects and never overwrite each other's changes, and a test-clock advance is
 * bounded.
 */
@ExtendWith(RedisExtension.class)
class SandboxDurabilityTest {

	/**
	 * One app node's sandbox: its resources over the shared Redis, and its webhook
	 * sender.
	 */
	record SandboxNode(SandboxResources resources, WebhookSender webhooks) implements AutoCloseable {

		@Override
		public void close() {
			this.webhooks.close();
		}

	}

	static SandboxNode sandbox(StringRedisTemplate redis) {
		WebhookSender webhooks = new WebhookSender(() -> "http://127.0.0.1:9/stripe/webhook", "whsec_test",
				Duration.ofMillis(10), 1, InstantSource.system());
		return new SandboxNode(
				SandboxResources.create(InstantSource.system(), "2026-07-29.dahlia", redis, webhooks, 100), webhooks);
	}

	static StripeParams params(Map<String, String> values) {
		return StripeParams.of(
				values.entrySet().stream()
						.collect(Collectors.toMap(Map.Entry::getKey, entry -> new String[]{entry.getValue()})),
				values.keySet().stream().map(StripeParams::normalise).collect(Collectors.toSet()));
	}

	static String trial(SandboxNode sandbox, String customer) {
		String session = (String) sandbox.resources().checkout()
				.createSession(params(Map.of("mode", "subscription", "customer", customer, "line_items[0][price]",
						"price_monthly", "subscription_data[trial_period_days]", "14", "success_url",
						"http://app.test/ok", "client_reference_id", "a1")))
				.get("id");
		return (String) sandbox.resources().checkout().completeSession(session, "pm_card_visa").get("subscription");
	}

	@Test
	void aSandboxStartedAfterAnAbruptStopHasEveryCustomerAndSubscription(StringRedisTemplate redis) {
		// The first sandbox is never closed: as after kill -9, nothing runs at the end.
		SandboxNode before = sandbox(redis);
		String clock = (String) before.resources().clocks().createClock(params(Map.of("frozen_time", "1800000000")))
				.get("id");
		String customer = (String) before.resources().customers()
				.createCustomer(
						params(Map.of("email", "r@example.org", "test_clock", clock, "metadata[accountId]", "a1")))
				.get("id");
		String subscription = trial(before, customer);

		try (SandboxNode after = sandbox(redis)) {
			assertThat(after.resources().render(customer, List.of())).containsEntry("email", "r@example.org")
					.containsEntry("metadata", Map.of("accountId", "a1"));
			assertThat(after.resources().render(subscription, List.of())).containsEntry("status", "trialing")
					.containsEntry("trial_end", 1800000000L + 14 * 86_400);
			assertThat(after.resources().events().ids("checkout.session.completed")).hasSize(1);
			String next = (String) after.resources().customers()
					.createCustomer(params(Map.of("email", "s@example.org"))).get("id");
			assertThat(after.resources().page("customer", 10, null, List.of()).data()).extracting(c -> c.get("id"))
					.containsExactly(next, customer);
		}
		before.close();
	}

	@Test
	void twoSandboxesOnOneRedisSeeEachOthersObjectsAndChanges(StringRedisTemplate redis) {
		try (SandboxNode a = sandbox(redis); SandboxNode b = sandbox(redis)) {
			String customer = (String) a.resources().customers()
					.createCustomer(params(Map.of("email", "two@example.org"))).get("id");
			assertThat(b.resources().render(customer, List.of())).containsEntry("email", "two@example.org");

			String subscription = trial(b, customer);
			assertThat(a.resources().render(subscription, List.of())).containsEntry("status", "trialing");

			a.resources().subscriptions().updateSubscription(subscription,
					params(Map.of("cancel_at_period_end", "true")));
			assertThat(b.resources().render(subscription, List.of())).containsEntry("cancel_at_period_end", true);
			b.resources().subscriptions().updateSubscription(subscription,
					params(Map.of("cancel_at_period_end", "false")));
			assertThat(a.resources().render(subscription, List.of())).containsEntry("cancel_at_period_end", false);
		}
	}

	@Test
	void concurrentChangesOnTwoSandboxesAreAllKept(StringRedisTemplate redis) throws Exception {
		try (SandboxNode a = sandbox(redis); SandboxNode b = sandbox(redis)) {
			String customer = (String) a.resources().customers()
					.createCustomer(params(Map.of("email", "race@example.org"))).get("id");
			ExecutorService threads = Executors.newFixedThreadPool(4);
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				SandboxNode node = (i % 2 == 0) ? a : b;
				String key = "k" + i;
				done.add(threads.submit(() -> node.resources().customers().updateCustomer(customer,
						params(Map.of("metadata[" + key + "]", "v")))));
			}
			for (Future<?> future : done) {
				future.get();
			}
			threads.shutdown();
			@SuppressWarnings("unchecked")
			Map<String, String> metadata = (Map<String, String>) b.resources().render(customer, List.of())
					.get("metadata");
			assertThat(metadata).hasSize(40);
		}
	}

	@Test
	void aClockAdvanceThatWouldEmitTooManyEventsIsRefusedAndChangesNothing(StringRedisTemplate redis) {
		try (SandboxNode sandbox = sandbox(redis)) {
			String clock = (String) sandbox.resources().clocks()
					.createClock(params(Map.of("frozen_time", "1800000000"))).get("id");
			String customer = (String) sandbox.resources().customers()
					.createCustomer(params(Map.of("email", "far@example.org", "test_clock", clock))).get("id");
			String subscription = trial(sandbox, customer);
			long hundredYears = 1800000000L + 100L * 365 * 86_400;

			assertThatThrownBy(() -> sandbox.resources().clocks().advanceClock(clock, hundredYears))
					.isInstanceOfSatisfying(SandboxError.class,
							error -> assertThat(error.body().toString()).contains("test_clock_advance_too_far"));
			assertThat(sandbox.resources().render(clock, List.of())).containsEntry("frozen_time", 1800000000L);
			assertThat(sandbox.resources().render(subscription, List.of())).containsEntry("status", "trialing");

			// In steps it goes through: a year is some 25 events.
			sandbox.resources().clocks().advanceClock(clock, 1800000000L + 365L * 86_400);
			assertThat(sandbox.resources().render(subscription, List.of())).containsEntry("status", "active");
		}
	}

}
