package io.newsstand.stripesandbox;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox's objects as JSON for Redis: one object per key, as
 * {@code {"t": type, "s": sequence, "v": fields}}; events as Stripe's JSON; and
 * the one-document state of earlier versions, imported once.
 */
final class SandboxState {

	private static final JsonMapper JSON = JsonMapper.builder()
			.changeDefaultVisibility(
					checker -> checker.withFieldVisibility(Visibility.ANY).withGetterVisibility(Visibility.NONE)
							.withIsGetterVisibility(Visibility.NONE).withCreatorVisibility(Visibility.ANY))
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	private SandboxState() {
	}

	interface Factory<E> {

		E create(String stored, Object object, long sequence);

	}

	static String envelope(Object object, long sequence) {
		ObjectNode node = JSON.createObjectNode();
		node.put("t", object.getClass().getSimpleName());
		node.put("s", sequence);
		node.set("v", JSON.valueToTree(object));
		return JSON.writeValueAsString(node);
	}

	static <E> E entry(String stored, Factory<E> factory) {
		JsonNode node = JSON.readTree(stored);
		Object object = JSON.treeToValue(node.get("v"), type(node.get("t").asString()));
		return factory.create(stored, object, node.get("s").asLong());
	}

	static Class<?> type(String name) {
		return switch (name) {
			case "Customer" -> Model.Customer.class;
			case "Product" -> Model.Product.class;
			case "Price" -> Model.Price.class;
			case "PaymentMethod" -> Model.PaymentMethod.class;
			case "Session" -> Model.Session.class;
			case "Subscription" -> Model.Subscription.class;
			case "Invoice" -> Model.Invoice.class;
			case "CreditNote" -> Model.CreditNote.class;
			case "PortalSession" -> Model.PortalSession.class;
			case "TestClock" -> Model.TestClock.class;
			case "PaymentIntent" -> Payments.PaymentIntent.class;
			case "Charge" -> Payments.Charge.class;
			case "BalanceTransaction" -> Payments.BalanceTransaction.class;
			default -> throw new IllegalStateException("Unknown sandbox object type " + name);
		};
	}

	static String json(Map<String, Object> event) {
		return JSON.writeValueAsString(event);
	}

	static Map<String, Object> map(String json) {
		return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

	/**
	 * The objects of a state saved as one document by earlier versions, with their
	 * creation order.
	 */
	static Map<Object, Long> legacy(String json) {
		Map<Object, Long> objects = new LinkedHashMap<>();
		for (JsonNode node : JSON.readTree(json)) {
			objects.put(JSON.treeToValue(node.get("value"), type(node.get("type").asString())),
					node.get("sequence").asLong());
		}
		return objects;
	}

}
