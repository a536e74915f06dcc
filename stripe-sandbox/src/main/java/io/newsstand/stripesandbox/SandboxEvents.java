package io.newsstand.stripesandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Stripe's events: each change runs as a {@link SandboxStore} transaction and
 * emits events built as Stripe sends them (pinned API version, the object as
 * rendered then, the previous attributes of an update), which are committed
 * with the change (tests can read them) and then sent as webhooks by the
 * {@link WebhookSender}.
 */
final class SandboxEvents {

	private final SandboxStore store;

	private final String apiVersion;

	private final WebhookSender webhooks;

	SandboxEvents(SandboxStore store, String apiVersion, WebhookSender webhooks) {
		this.store = store;
		this.apiVersion = apiVersion;
		this.webhooks = webhooks;
	}

	/**
	 * Runs a change and commits it with its events, then delivers the events after
	 * releasing the sandbox lock (the app's webhook handler calls back into the
	 * sandbox).
	 */
	<T> T change(Function<List<Map<String, Object>>, T> change) {
		List<Map<String, Object>> events = new ArrayList<>();
		T result = this.store.write(() -> change.apply(events), events);
		this.webhooks.send(List.copyOf(events));
		return result;
	}
	void emit(List<Map<String, Object>> events, String type, Object object, @Nullable Map<String, Object> previous) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", this.store.newId("evt_"));
		event.put("object", "event");
		event.put("api_version", this.apiVersion);
		event.put("created", this.store.realNow());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("object", this.store.render(object));
		if (previous != null) {
			data.put("previous_attributes", previous);
		}
		event.put("data", data);
		event.put("livemode", false);
		event.put("pending_webhooks", 1);
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("id", null);
		request.put("idempotency_key", null);
		event.put("request", request);
		event.put("type", type);
		events.add(event);
	}

	/** Ids of the events emitted so far, oldest first, of the given type. */
	List<String> ids(String type) {
		return this.store.eventIds(type);
	}

	/** The JSON of an emitted event. */
	@Nullable
	Map<String, Object> event(String id) {
		return this.store.event(id);
	}

}
