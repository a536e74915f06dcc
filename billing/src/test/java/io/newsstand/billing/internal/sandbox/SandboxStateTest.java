package io.newsstand.billing.internal.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxStateTest {

	static Sandbox sandbox() {
		WebhookSender webhooks = new WebhookSender(() -> "http://127.0.0.1:9/stripe/webhook", "whsec_test",
				Duration.ofMillis(10), 1, InstantSource.system());
		return new Sandbox(InstantSource.system(), "2026-07-29.dahlia", () -> "http://127.0.0.1:9/sandbox/stripe",
				webhooks);
	}

	static StripeParams params(Map<String, String> values) {
		return StripeParams.of(
				values.entrySet().stream().collect(
						java.util.stream.Collectors.toMap(Map.Entry::getKey, entry -> new String[]{entry.getValue()})),
				values.keySet().stream().map(StripeParams::normalise).collect(java.util.stream.Collectors.toSet()));
	}

	@Test
	void aRestartedSandboxKnowsItsCustomersSubscriptionsAndClocks() throws Exception {
		String json;
		String customer;
		String subscription;
		try (Sandbox before = sandbox()) {
			String clock = (String) before.createClock(params(Map.of("frozen_time", "1800000000"))).get("id");
			customer = (String) before
					.createCustomer(
							params(Map.of("email", "r@example.org", "test_clock", clock, "metadata[accountId]", "a1")))
					.get("id");
			String session = (String) before.createSession(
					params(Map.of("mode", "subscription", "customer", customer, "line_items[0][price]", "price_monthly",
							"subscription_data[trial_period_days]", "14", "success_url", "http://app.test/ok")))
					.get("id");
			subscription = (String) before.completeSession(session, "pm_card_visa").get("subscription");
			before.awaitDeliveries(Duration.ofSeconds(10));
			json = before.exportIfChanged();
			assertThat(before.exportIfChanged()).as("nothing changed since").isNull();
		}
		try (Sandbox after = sandbox()) {
			after.load(json);
			assertThat(after.render(customer, List.of())).containsEntry("email", "r@example.org")
					.containsEntry("metadata", Map.of("accountId", "a1"));
			assertThat(after.render(subscription, List.of())).containsEntry("status", "trialing")
					.containsEntry("trial_end", 1800000000L + 14 * 86_400);
			String next = (String) after.createCustomer(params(Map.of("email", "s@example.org"))).get("id");
			assertThat(after.renderAll(Model.Customer.class, c -> true, List.of()).get(0)).containsEntry("id", next);
		}
	}

}
