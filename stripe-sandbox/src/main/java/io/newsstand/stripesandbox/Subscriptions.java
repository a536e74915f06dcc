package io.newsstand.stripesandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Changes to a subscription asked for through the API or the customer portal
 * (cancel at period end, end or move the trial, switch plan, change card,
 * resume a paused one, cancel now), portal sessions, and the portal page's view
 * of a customer's newest subscription.
 */
final class Subscriptions {

	private final SandboxStore store;

	private final SandboxEvents emitter;

	private final SubscriptionLifecycle lifecycle;

	private final Customers customers;

	Subscriptions(SandboxStore store, SandboxEvents emitter, SubscriptionLifecycle lifecycle, Customers customers) {
		this.store = store;
		this.emitter = emitter;
		this.lifecycle = lifecycle;
		this.customers = customers;
	}

	Map<String, Object> updateSubscription(String id, StripeParams params) {
		return this.emitter.change(events -> {
			Model.Subscription s = this.store.get(Model.Subscription.class, "subscription", id);
			if (s.ended()) {
				throw SandboxError.invalid("resource_invalid_state", null,
						"A canceled subscription can only update its cancellation_details and metadata.");
			}
			Map<String, Object> previous = new LinkedHashMap<>();
			long now = this.store.now(s.customer);
			String method = params.get("default_payment_method");
			if (method != null) {
				previous.put("default_payment_method", s.defaultPaymentMethod);
				s.defaultPaymentMethod = this.customers.attach(method, s.customer).id;
			}
			s.metadata.putAll(params.map("metadata"));
			String price = params.get("items[0][price]");
			if (price != null && !price.equals(s.price)) {
				String item = params.get("items[0][id]");
				if (item != null && !item.equals(s.itemId)) {
					throw SandboxError.missing("subscription_item", item);
				}
				this.store.get(Model.Price.class, "price", price);
				previous.put("items", Map.of("object", "list"));
				s.price = price;
			}
			Boolean cancel = params.getBoolean("cancel_at_period_end");
			if (cancel != null && cancel != s.cancelAtPeriodEnd) {
				previous.put("cancel_at_period_end", s.cancelAtPeriodEnd);
				s.cancelAtPeriodEnd = cancel;
				s.canceledAt = cancel ? now : null;
			}
			String trialEnd = params.get("trial_end");
			if (trialEnd != null) {
				if (!s.status.equals("trialing")) {
					throw SandboxError.invalid("parameter_invalid_integer", "trial_end",
							"The subscription is not in a trial.");
				}
				if (trialEnd.equals("now") || Long.parseLong(trialEnd) <= now) {
					if (!previous.isEmpty()) {
						this.emitter.emit(events, "customer.subscription.updated", s, previous);
					}
					this.emitter.emit(events, "customer.subscription.trial_will_end", s, null);
					s.trialWillEndSent = true;
					s.trialEnd = now;
					this.lifecycle.endTrial(s, now, events);
					return this.store.render(s);
				}
				previous.put("trial_end", s.trialEnd);
				s.trialEnd = Long.parseLong(trialEnd);
				s.periodEnd = s.trialEnd;
				s.trialWillEndSent = s.trialEnd - 3 * SubscriptionLifecycle.DAY <= now;
			}
			if (!previous.isEmpty()) {
				this.emitter.emit(events, "customer.subscription.updated", s, previous);
			}
			return this.store.render(s);
		});
	}

	Map<String, Object> cancelSubscription(String id) {
		return this.emitter.change(events -> {
			Model.Subscription s = this.store.get(Model.Subscription.class, "subscription", id);
			if (s.status.equals("canceled")) {
				throw SandboxError.invalid("resource_invalid_state", null, "This subscription is already canceled.");
			}
			this.lifecycle.cancel(s, this.store.now(s.customer), events);
			return this.store.render(s);
		});
	}

	Map<String, Object> resumeSubscription(String id) {
		return this.emitter.change(events -> {
			Model.Subscription s = this.store.get(Model.Subscription.class, "subscription", id);
			if (!s.status.equals("paused")) {
				throw SandboxError.invalid("resource_invalid_state", null, "Only paused subscriptions can be resumed.");
			}
			long now = this.store.now(s.customer);
			s.periodStart = now;
			s.periodEnd = SubscriptionLifecycle.plusInterval(now,
					this.store.get(Model.Price.class, "price", s.price).interval);
			this.emitter.emit(events, "customer.subscription.resumed", s, null);
			this.lifecycle.charge(s, now, "subscription_cycle", events);
			return this.store.render(s);
		});
	}

	Map<String, Object> createPortalSession(StripeParams params) {
		return this.emitter.change(events -> {
			Model.PortalSession session = new Model.PortalSession();
			session.id = this.store.newId("bps_");
			session.customer = params.require("customer");
			this.store.get(Model.Customer.class, "customer", session.customer);
			session.returnUrl = Objects.requireNonNullElse(params.get("return_url"), "");
			session.created = this.store.realNow();
			this.store.put(session.id, session);
			return this.store.render(session);
		});
	}

	/** The portal page's view of a customer's newest subscription. */
	PortalView portalView(String id) {
		return this.store.read(() -> {
			Model.PortalSession session = this.store.get(Model.PortalSession.class, "billing_portal.session", id);
			Model.Customer customer = this.store.get(Model.Customer.class, "customer", session.customer);
			Model.Subscription s = this.store.members(Model.Subscription.class, "subscriptions:" + customer.id).stream()
					.findFirst().orElse(null);
			Model.PaymentMethod method = (customer.defaultPaymentMethod == null)
					? null
					: (Model.PaymentMethod) this.store.find(customer.defaultPaymentMethod);
			if (s != null && s.defaultPaymentMethod != null) {
				method = (Model.PaymentMethod) this.store.find(s.defaultPaymentMethod);
			}
			Model.Price price = (s == null) ? null : this.store.get(Model.Price.class, "price", s.price);
			List<Model.Invoice> invoices = this.store.members(Model.Invoice.class, "invoices:" + customer.id);
			String clock = customer.testClock;
			if (clock != null && this.store.members(Model.Customer.class, "clock:" + clock).size() != 1) {
				clock = null;
			}
			return new PortalView(session.id, customer.metadata.get("accountId"), clock, customer.email,
					session.returnUrl, (s == null) ? null : s.id, (s == null) ? null : s.status,
					(price == null) ? null : price.id, (price == null) ? null : price.nickname,
					s != null && s.cancelAtPeriodEnd,
					(s == null) ? null : Instant.ofEpochSecond(s.trialEnd != null ? s.trialEnd : s.periodEnd),
					(method == null) ? null : method.brand + " •••• " + method.last4, invoices,
					(price == null) ? 0 : price.unitAmount, (price == null) ? null : price.currency);
		});
	}

}
