package io.newsstand.stripesandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The running sandbox's controls, which Stripe has in its dashboard and the
 * sandbox offers to tests and scripts (and, over HTTP, under
 * {@code /sandbox/stripe/_control}): wait for webhook deliveries, deliver twice
 * or in reverse, read and resend emitted events, sign a body as Stripe signs
 * it. Closing it stops webhook delivery.
 */
public final class Sandbox implements AutoCloseable {

	/** Where the sandbox answers on the app's own port. */
	public static final String PATH = "/sandbox/stripe";

	private final SandboxEvents events;

	private final WebhookSender webhooks;

	Sandbox(SandboxEvents events, WebhookSender webhooks) {
		this.events = events;
		this.webhooks = webhooks;
	}

	/** Waits until every queued webhook delivery has finished. */
	public boolean awaitDeliveries(Duration timeout) throws InterruptedException {
		return this.webhooks.awaitIdle(timeout);
	}

	/** Delivers every event twice, and each batch in reverse order. */
	public void deliveryMode(boolean duplicate, boolean reverse) {
		this.webhooks.mode(duplicate, reverse);
	}

	/** HTTP statuses of the delivery attempts of an event. */
	public List<Integer> deliveryAttempts(String eventId) {
		return this.webhooks.attempts(eventId);
	}

	/** A {@code Stripe-Signature} header for a body, as Stripe signs it. */
	public String signature(String body, long timestamp) {
		return this.webhooks.signature(body, timestamp);
	}

	/** Ids of the events emitted so far, oldest first, of the given type. */
	public List<String> eventIds(String type) {
		return this.events.ids(type);
	}

	/** The JSON of an emitted event. */
	public @Nullable Map<String, Object> event(String id) {
		return this.events.event(id);
	}

	/** Sends an emitted event again, as Stripe's "resend" does. */
	public void resend(String id) {
		Map<String, Object> event = Objects.requireNonNull(event(id), id);
		this.webhooks.send(List.of(event));
	}

	@Override
	public void close() {
		this.webhooks.close();
	}

}
