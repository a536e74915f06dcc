package io.newsstand.stripesandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Turns sandbox objects into Stripe's JSON shapes for the pinned (dahlia) API
 * version: the fields billing reads plus {@code id}/{@code object}, which
 * stripe-java needs to pick its model class. Periods live on subscription
 * items, and an invoice names its subscription under {@code parent}.
 */
final class Renderer {

	private final Function<String, @Nullable Object> lookup;

	private final Supplier<String> pagesBase;

	Renderer(Function<String, @Nullable Object> lookup, Supplier<String> pagesBase) {
		this.lookup = lookup;
		this.pagesBase = pagesBase;
	}

	Map<String, Object> render(Object object) {
		return switch (object) {
			case Model.Customer c -> customer(c);
			case Model.Product p -> product(p);
			case Model.Price p -> price(p);
			case Model.PaymentMethod p -> paymentMethod(p);
			case Model.Session s -> session(s);
			case Model.Subscription s -> subscription(s);
			case Model.Invoice i -> invoice(i);
			case Model.CreditNote n -> creditNote(n);
			case Model.PortalSession p -> portalSession(p);
			case Model.TestClock t -> testClock(t);
			default -> {
				Map<String, Object> payment = Payments.render(object);
				if (payment == null) {
					throw new IllegalArgumentException(object.getClass().getName());
				}
				yield payment;
			}
		};
	}

	/** Replaces id strings with objects for each {@code expand} path. */
	Map<String, Object> expand(Map<String, Object> rendered, List<String> paths) {
		for (String path : paths) {
			expandPath(rendered, List.of(path.split("\\.")));
		}
		return rendered;
	}

	@SuppressWarnings("unchecked")
	private void expandPath(Map<String, Object> target, List<String> path) {
		String head = path.get(0);
		Object value = target.get(head);
		if (path.size() > 1 && value instanceof String id && this.lookup.apply(id) instanceof Object found) {
			// A nested path expands each id on its way, as Stripe does.
			value = render(found);
			target.put(head, value);
		}
		if (path.size() == 1) {
			if (value instanceof String id) {
				Object found = this.lookup.apply(id);
				if (found != null) {
					target.put(head, render(found));
				}
			}
			return;
		}
		if (value instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> map) {
					expandPath((Map<String, Object>) map, path.subList(1, path.size()));
				}
			}
		} else if (value instanceof Map<?, ?> map) {
			expandPath((Map<String, Object>) map, path.subList(1, path.size()));
		}
	}

	static Map<String, Object> list(List<Map<String, Object>> data, boolean hasMore, String url) {
		Map<String, Object> list = new LinkedHashMap<>();
		list.put("object", "list");
		list.put("data", data);
		list.put("has_more", hasMore);
		list.put("url", url);
		return list;
	}

	/** The fields every Stripe object starts with. */
	static Map<String, Object> base(String id, String object, long created) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", id);
		map.put("object", object);
		map.put("created", created);
		map.put("livemode", false);
		return map;
	}

	private Map<String, Object> customer(Model.Customer c) {
		if (c.deleted) {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("id", c.id);
			map.put("object", "customer");
			map.put("deleted", true);
			return map;
		}
		Map<String, Object> map = base(c.id, "customer", c.created);
		map.put("email", c.email);
		map.put("name", c.name);
		map.put("metadata", c.metadata);
		map.put("test_clock", c.testClock);
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("default_payment_method", c.defaultPaymentMethod);
		map.put("invoice_settings", settings);
		return map;
	}

	private Map<String, Object> product(Model.Product p) {
		Map<String, Object> map = base(p.id, "product", p.created);
		map.put("active", true);
		map.put("name", p.name);
		map.put("metadata", Map.of());
		return map;
	}

	private Map<String, Object> price(Model.Price p) {
		Map<String, Object> map = base(p.id, "price", p.created);
		map.put("active", true);
		map.put("currency", p.currency);
		map.put("unit_amount", p.unitAmount);
		map.put("type", "recurring");
		map.put("lookup_key", p.lookupKey);
		map.put("nickname", p.nickname);
		map.put("product", p.product);
		map.put("metadata", Map.of());
		map.put("recurring", Map.of("interval", p.interval, "interval_count", 1, "usage_type", "licensed"));
		return map;
	}

	private Map<String, Object> paymentMethod(Model.PaymentMethod p) {
		Map<String, Object> map = base(p.id, "payment_method", p.created);
		map.put("type", "card");
		map.put("customer", p.customer);
		map.put("card", Map.of("brand", p.brand, "last4", p.last4, "fingerprint", p.fingerprint, "exp_month", 12,
				"exp_year", 2034, "funding", "credit"));
		return map;
	}

	private Map<String, Object> session(Model.Session s) {
		Map<String, Object> map = base(s.id, "checkout.session", s.created);
		map.put("mode", "subscription");
		map.put("status", s.status);
		map.put("payment_status", s.paymentStatus);
		map.put("customer", s.customer);
		map.put("client_reference_id", s.clientReferenceId);
		map.put("subscription", s.subscription);
		map.put("url", s.status.equals("open") ? this.pagesBase.get() + "/checkout/" + s.id : null);
		map.put("success_url", s.successUrl);
		map.put("cancel_url", s.cancelUrl);
		map.put("expires_at", s.expiresAt);
		map.put("payment_method_collection", s.paymentMethodCollection);
		map.put("allow_promotion_codes", s.allowPromotionCodes);
		map.put("metadata", s.metadata);
		return map;
	}

	private Map<String, Object> subscription(Model.Subscription s) {
		Map<String, Object> map = base(s.id, "subscription", s.created);
		map.put("customer", s.customer);
		map.put("status", s.status);
		map.put("cancel_at_period_end", s.cancelAtPeriodEnd);
		map.put("cancel_at", s.cancelAtPeriodEnd ? s.periodEnd : null);
		map.put("canceled_at", s.canceledAt);
		map.put("ended_at", s.endedAt);
		map.put("start_date", s.created);
		map.put("billing_cycle_anchor", s.periodStart);
		map.put("collection_method", "charge_automatically");
		map.put("trial_start", s.trialStart);
		map.put("trial_end", s.trialEnd);
		map.put("trial_settings", Map.of("end_behavior", Map.of("missing_payment_method", s.missingPaymentMethod)));
		map.put("default_payment_method", s.defaultPaymentMethod);
		map.put("latest_invoice", s.latestInvoice);
		map.put("pause_collection", null);
		map.put("metadata", s.metadata);
		Object customer = this.lookup.apply(s.customer);
		map.put("test_clock", (customer instanceof Model.Customer c) ? c.testClock : null);
		Object price = this.lookup.apply(s.price);
		Map<String, Object> item = base(s.itemId, "subscription_item", s.created);
		item.remove("livemode");
		item.put("subscription", s.id);
		item.put("quantity", 1);
		item.put("metadata", Map.of());
		item.put("current_period_start", s.periodStart);
		item.put("current_period_end", s.periodEnd);
		item.put("price", (price == null) ? null : render(price));
		if (price instanceof Model.Price p) {
			map.put("currency", p.currency);
		}
		map.put("items", list(new ArrayList<>(List.of(item)), false, "/v1/subscription_items?subscription=" + s.id));
		return map;
	}

	private Map<String, Object> invoice(Model.Invoice i) {
		Map<String, Object> map = base(i.id, "invoice", i.created);
		map.put("customer", i.customer);
		map.put("status", i.status);
		map.put("billing_reason", i.billingReason);
		map.put("amount_due", i.amountDue);
		map.put("amount_paid", i.amountPaid);
		map.put("amount_remaining", i.amountDue - i.amountPaid);
		map.put("post_payment_credit_notes_amount", i.creditedAfterPayment);
		map.put("pre_payment_credit_notes_amount", 0);
		map.put("currency", i.currency);
		map.put("attempt_count", i.attemptCount);
		map.put("period_start", i.periodStart);
		map.put("period_end", i.periodEnd);
		map.put("payments", Payments.invoicePayments(i));
		map.put("lines", Payments.invoiceLines(i));
		Map<String, Object> transitions = new LinkedHashMap<>();
		transitions.put("paid_at", i.paidAt);
		map.put("status_transitions", transitions);
		map.put("parent", Map.of("type", "subscription_details", "subscription_details",
				Map.of("subscription", i.subscription, "metadata", Map.of())));
		return map;
	}

	private Map<String, Object> creditNote(Model.CreditNote n) {
		Map<String, Object> map = base(n.id, "credit_note", n.created);
		map.put("invoice", n.invoice);
		map.put("customer", n.customer);
		map.put("amount", n.amount);
		map.put("total", n.amount);
		map.put("currency", n.currency);
		map.put("reason", n.reason);
		map.put("status", "issued");
		map.put("type", "post_payment");
		map.put("refunds", List.of());
		return map;
	}

	private Map<String, Object> portalSession(Model.PortalSession p) {
		Map<String, Object> map = base(p.id, "billing_portal.session", p.created);
		map.put("customer", p.customer);
		map.put("return_url", p.returnUrl);
		map.put("url", this.pagesBase.get() + "/portal/" + p.id);
		map.put("configuration", "bpc_sandbox");
		map.put("flow", null);
		map.put("locale", null);
		map.put("on_behalf_of", null);
		return map;
	}

	private Map<String, Object> testClock(Model.TestClock t) {
		Map<String, Object> map = base(t.id, "test_helpers.test_clock", t.created);
		map.put("frozen_time", t.frozenTime);
		map.put("name", t.name);
		map.put("status", "ready");
		map.put("deletes_after", t.frozenTime + 30L * 86400);
		return map;
	}

}
