package io.newsstand.stripesandbox;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Checkout sessions in subscription mode: creating and expiring one, what the
 * hosted checkout page shows, and completing one as that page does, which
 * creates the subscription (trialing, or charged at once) with Stripe's events.
 */
final class Checkout {

	private final SandboxStore store;

	private final SandboxEvents emitter;

	private final SubscriptionLifecycle lifecycle;

	private final Customers customers;

	Checkout(SandboxStore store, SandboxEvents emitter, SubscriptionLifecycle lifecycle, Customers customers) {
		this.store = store;
		this.emitter = emitter;
		this.lifecycle = lifecycle;
		this.customers = customers;
	}

	Map<String, Object> createSession(StripeParams params) {
		return this.emitter.change(events -> {
			if (!"subscription".equals(params.require("mode"))) {
				throw SandboxError.invalid("parameter_invalid_string", "mode",
						"The sandbox supports mode=subscription only.");
			}
			String customer = params.require("customer");
			if (this.store.get(Model.Customer.class, "customer", customer).deleted) {
				throw SandboxError.missing("customer", customer);
			}
			String price = params.require("line_items[0][price]");
			this.store.get(Model.Price.class, "price", price);
			Model.Session session = new Model.Session();
			session.id = this.store.newId("cs_test_");
			session.customer = customer;
			session.clientReferenceId = params.get("client_reference_id");
			session.price = price;
			session.trialPeriodDays = params.getLong("subscription_data[trial_period_days]");
			session.missingPaymentMethod = Objects.requireNonNullElse(
					params.get("subscription_data[trial_settings][end_behavior][missing_payment_method]"),
					"create_invoice");
			session.paymentMethodCollection = Objects.requireNonNullElse(params.get("payment_method_collection"),
					"always");
			session.allowPromotionCodes = Boolean.TRUE.equals(params.getBoolean("allow_promotion_codes"));
			session.successUrl = params.require("success_url");
			session.cancelUrl = Objects.requireNonNullElse(params.get("cancel_url"), session.successUrl);
			session.metadata.putAll(params.map("metadata"));
			session.subscriptionMetadata.putAll(params.map("subscription_data[metadata]"));
			session.created = this.store.realNow();
			session.expiresAt = session.created + SubscriptionLifecycle.DAY;
			this.store.put(session.id, session);
			return this.store.render(session);
		});
	}

	Map<String, Object> expireSession(String id) {
		return this.emitter.change(events -> {
			Model.Session session = this.store.get(Model.Session.class, "checkout.session", id);
			if (!session.status.equals("open")) {
				throw SandboxError.invalid("checkout_session_not_open", null,
						"Only Checkout Sessions with a status of open can be expired.");
			}
			session.status = "expired";
			this.emitter.emit(events, "checkout.session.expired", session, null);
			return this.store.render(session);
		});
	}

	/** What the hosted checkout page shows. */
	CheckoutView checkoutView(String id) {
		return this.store.read(() -> {
			Model.Session session = this.store.get(Model.Session.class, "checkout.session", id);
			Model.Price price = this.store.get(Model.Price.class, "price", session.price);
			boolean trial = session.hasTrial();
			Model.Customer customer = this.store.get(Model.Customer.class, "customer", session.customer);
			String owner = (session.clientReferenceId != null)
					? session.clientReferenceId
					: customer.metadata.get("accountId");
			return new CheckoutView(session.id, owner, customer.email, session.status, price.nickname, price.unitAmount,
					price.currency, price.interval, trial ? session.trialPeriodDays : 0,
					trial && session.paymentMethodCollection.equals("if_required"),
					session.successUrl.replace("{CHECKOUT_SESSION_ID}", session.id), session.cancelUrl);
		});
	}

	/**
	 * Completes a session as the hosted page does when the reader pays or starts
	 * the trial.
	 */
	Map<String, Object> completeSession(String id, @Nullable String paymentMethod) {
		return this.emitter.change(events -> {
			Model.Session session = this.store.get(Model.Session.class, "checkout.session", id);
			if (!session.status.equals("open")) {
				throw SandboxError.invalid("checkout_session_not_open", null,
						"This Checkout Session is " + session.status + " and can no longer be completed.");
			}
			boolean trial = session.hasTrial();
			if (paymentMethod == null && !(trial && session.paymentMethodCollection.equals("if_required"))) {
				throw SandboxError.invalid("parameter_missing", "payment_method",
						"This Checkout Session requires a payment method.");
			}
			TestCard card = (paymentMethod == null) ? null : TestCard.of(paymentMethod);
			if (!trial && card != null && card.failsCharges()) {
				throw SandboxError.cardDeclined();
			}
			Model.PaymentMethod method = (paymentMethod == null)
					? null
					: this.customers.attach(paymentMethod, session.customer);
			long now = this.store.now(session.customer);
			Model.Price price = this.store.get(Model.Price.class, "price", session.price);
			Model.Subscription s = new Model.Subscription();
			s.id = this.store.newId("sub_");
			s.itemId = this.store.newId("si_");
			s.customer = session.customer;
			s.price = price.id;
			s.created = now;
			s.metadata.putAll(session.subscriptionMetadata);
			s.missingPaymentMethod = session.missingPaymentMethod;
			s.defaultPaymentMethod = (method == null) ? null : method.id;
			this.store.put(s.id, s);
			if (trial) {
				startTrial(s, session.trialPeriodDays, now, events);
			} else {
				s.status = "incomplete";
				s.periodStart = now;
				s.periodEnd = SubscriptionLifecycle.plusInterval(now, price.interval);
				this.emitter.emit(events, "customer.subscription.created", s, null);
				this.lifecycle.charge(s, now, "subscription_create", events);
			}
			session.status = "complete";
			session.paymentStatus = trial ? "no_payment_required" : "paid";
			session.subscription = s.id;
			this.emitter.emit(events, "checkout.session.completed", session, null);
			return this.store.render(session);
		});
	}

	/**
	 * A subscription created in its trial: a paid $0 invoice, and the events Stripe
	 * sends for it.
	 */
	private void startTrial(Model.Subscription s, long trialPeriodDays, long now, List<Map<String, Object>> events) {
		s.status = "trialing";
		s.trialStart = now;
		s.trialEnd = now + trialPeriodDays * SubscriptionLifecycle.DAY;
		s.trialWillEndSent = trialPeriodDays <= 3;
		s.periodStart = now;
		s.periodEnd = s.trialEnd;
		Model.Invoice invoice = this.lifecycle.invoice(s, 0, "subscription_create", now);
		invoice.status = "paid";
		invoice.paidAt = now;
		this.emitter.emit(events, "customer.subscription.created", s, null);
		this.emitter.emit(events, "invoice.paid", invoice, null);
		if (s.trialWillEndSent) {
			// A trial of three days or less: Stripe announces its end at once.
			this.emitter.emit(events, "customer.subscription.trial_will_end", s, null);
		}
	}

}
