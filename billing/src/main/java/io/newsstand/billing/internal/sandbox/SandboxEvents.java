package io.newsstand.billing.internal.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Stripe's events: each change runs under the {@link SandboxStore}'s lock and
 * emits events built as Stripe sends them (pinned API version, the object as
 * rendered then, the previous attributes of an update), which are kept in a log
 * tests can read and sent as webhooks by the {@link WebhookSender}.
 */
final class SandboxEvents {

	private final SandboxStore store;

	private final String apiVersion;

	private final WebhookSender webhooks;

	private final List<Map<String, Object>> emitted = new ArrayList<>();

	SandboxEvents(SandboxStore store, String apiVersion, WebhookSender webhooks) {
		this.store = store;
		this.apiVersion = apiVersion;
		this.webhooks = webhooks;
	}

	/**
	 * Runs a change under the lock, then delivers the events it emitted after
	 * releasing it (the app's webhook handler calls back into the sandbox).
	 */
	<T> T change(Function<List<Map<String, Object>>, T> change) {
		List<Map<String, Object>> events = new ArrayList<>();
		T result;
		synchronized (this.store) {
			result = change.apply(events);
			this.emitted.addAll(events);
			this.store.changed();
		}
		this.webhooks.send(events);
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
		synchronized (this.store) {
			return this.emitted.stream().filter(event -> type.equals(event.get("type")))
					.map(event -> (String) event.get("id")).toList();
		}
	}

	/** The JSON of an emitted event. */
	@Nullable
	Map<String, Object> event(String id) {
		synchronized (this.store) {
			return this.emitted.stream().filter(event -> id.equals(event.get("id"))).findFirst().orElse(null);
		}
	}

}
