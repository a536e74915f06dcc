package io.newsstand.billing.internal.sandbox;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's objects as one JSON document, so the zero-config run keeps its
 * simulated Stripe data across restarts (stored in Redis by
 * {@link SandboxPersistence}).
 */
final class SandboxState {

	private static final JsonMapper JSON = JsonMapper.builder()
			.changeDefaultVisibility(
					checker -> checker.withFieldVisibility(Visibility.ANY).withGetterVisibility(Visibility.NONE)
							.withIsGetterVisibility(Visibility.NONE).withCreatorVisibility(Visibility.ANY))
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	private SandboxState() {
	}

	record Entry(String type, String id, long sequence, JsonNode value) {
	}

	interface Sink {

		void put(String id, Object object, long sequence);

	}

	static String write(Map<String, Object> objects, Map<String, Long> sequence) {
		List<Entry> entries = new ArrayList<>();
		objects.forEach((id, object) -> entries.add(new Entry(object.getClass().getSimpleName(), id,
				sequence.getOrDefault(id, 0L), JSON.valueToTree(object))));
		return JSON.writeValueAsString(entries);
	}

	static void read(String json, Sink sink) {
		for (JsonNode node : JSON.readTree(json)) {
			Entry entry = JSON.treeToValue(node, Entry.class);
			Class<?> type = switch (entry.type()) {
				case "Customer" -> Model.Customer.class;
				case "Product" -> Model.Product.class;
				case "Price" -> Model.Price.class;
				case "PaymentMethod" -> Model.PaymentMethod.class;
				case "Session" -> Model.Session.class;
				case "Subscription" -> Model.Subscription.class;
				case "Invoice" -> Model.Invoice.class;
				case "PortalSession" -> Model.PortalSession.class;
				case "TestClock" -> Model.TestClock.class;
				default -> throw new IllegalStateException("Unknown sandbox object type " + entry.type());
			};
			sink.put(entry.id(), JSON.treeToValue(entry.value(), type), entry.sequence());
		}
	}

}
