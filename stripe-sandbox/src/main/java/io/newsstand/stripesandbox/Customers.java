package io.newsstand.stripesandbox;

import java.util.Map;

/**
 * Customers and their payment methods: creating, updating and deleting a
 * customer (which cancels its subscriptions, as Stripe does), and attaching a
 * card given as a test token, a test card number or an existing payment method.
 */
final class Customers {

	private final SandboxStore store;

	private final SandboxEvents emitter;

	private final SubscriptionLifecycle lifecycle;

	Customers(SandboxStore store, SandboxEvents emitter, SubscriptionLifecycle lifecycle) {
		this.store = store;
		this.emitter = emitter;
		this.lifecycle = lifecycle;
	}

	Map<String, Object> createCustomer(StripeParams params) {
		return this.emitter.change(events -> {
			Model.Customer customer = new Model.Customer();
			customer.id = this.store.newId("cus_");
			customer.email = params.get("email");
			customer.name = params.get("name");
			customer.metadata.putAll(params.map("metadata"));
			String clock = params.get("test_clock");
			if (clock != null) {
				this.store.get(Model.TestClock.class, "test_clock", clock);
				customer.testClock = clock;
			}
			customer.created = this.store.now(customer.id);
			this.store.put(customer.id, customer);
			String method = params.get("payment_method");
			if (method != null) {
				customer.defaultPaymentMethod = attach(method, customer.id).id;
			}
			return this.store.render(customer);
		});
	}

	Map<String, Object> updateCustomer(String id, StripeParams params) {
		return this.emitter.change(events -> {
			Model.Customer customer = this.store.get(Model.Customer.class, "customer", id);
			if (params.get("email") != null) {
				customer.email = params.get("email");
			}
			if (params.get("name") != null) {
				customer.name = params.get("name");
			}
			customer.metadata.putAll(params.map("metadata"));
			String method = params.get("invoice_settings[default_payment_method]");
			if (method != null) {
				customer.defaultPaymentMethod = attach(method, id).id;
			}
			return this.store.render(customer);
		});
	}

	/** Deletes a customer; Stripe cancels its subscriptions at once. */
	Map<String, Object> deleteCustomer(String id) {
		return this.emitter.change(events -> {
			Model.Customer customer = this.store.get(Model.Customer.class, "customer", id);
			long now = this.store.now(id);
			for (Model.Subscription s : this.store.members(Model.Subscription.class, "subscriptions:" + id)) {
				if (!s.ended()) {
					this.lifecycle.cancel(s, now, events);
				}
			}
			customer.deleted = true;
			this.emitter.emit(events, "customer.deleted", customer, null);
			return this.store.render(customer);
		});
	}

	Map<String, Object> attachPaymentMethod(String id, String customer) {
		return this.emitter.change(events -> {
			this.store.get(Model.Customer.class, "customer", customer);
			return this.store.render(attach(id, customer));
		});
	}

	/**
	 * A payment method for a customer: an existing one, a test token such as
	 * {@code pm_card_visa}, or a test card number from the hosted pages.
	 */
	Model.PaymentMethod attach(String idOrToken, String customer) {
		TestCard card = TestCard.of(idOrToken);
		if (card == null) {
			Model.PaymentMethod existing = this.store.get(Model.PaymentMethod.class, "PaymentMethod", idOrToken);
			existing.customer = customer;
			return existing;
		}
		if (card.declineCode() != null) {
			throw SandboxError.cardDeclined(card.declineCode());
		}
		Model.PaymentMethod method = new Model.PaymentMethod();
		method.id = this.store.newId("pm_");
		method.customer = customer;
		method.brand = card.brand();
		method.last4 = card.last4();
		method.fingerprint = card.fingerprint();
		method.failsCharges = card.failsCharges();
		method.created = this.store.now(customer);
		this.store.put(method.id, method);
		return method;
	}

}
