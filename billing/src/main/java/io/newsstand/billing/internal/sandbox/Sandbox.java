package io.newsstand.billing.internal.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The sandbox's state and Stripe's billing behaviour over it: customers, a
 * seeded product with monthly and yearly prices, checkout sessions,
 * subscriptions, invoices, portal sessions and test clocks. Moving a test clock
 * runs what Stripe runs when time passes (trial reminders, trial ends,
 * renewals, failed payments and their retries, cancellation at period end) and
 * each change emits the events Stripe emits. All state is in memory.
 */
public final class Sandbox implements AutoCloseable {

	static final String MONTHLY_LOOKUP_KEY = "newsstand_monthly";

	static final String YEARLY_LOOKUP_KEY = "newsstand_yearly";

	private static final long DAY = 86_400;

	private final SandboxStore store;

	private final SandboxEvents emitter;

	private final WebhookSender webhooks;

	private final SubscriptionLifecycle lifecycle;

	Sandbox(InstantSource clock, String apiVersion, Supplier<String> base, WebhookSender webhooks) {
		this.store = new SandboxStore(clock, base);
		this.emitter = new SandboxEvents(this.store, apiVersion, webhooks);
		this.webhooks = webhooks;
		this.lifecycle = new SubscriptionLifecycle(this.store, this.emitter);
		seed();
	}

	private void seed() {
		Model.Product product = new Model.Product();
		product.id = "prod_newsstand";
		product.name = "Newsstand Membership";
		product.created = this.store.realNow();
		this.store.put(product.id, product);
		this.store.put("price_monthly", price("price_monthly", product, MONTHLY_LOOKUP_KEY, "Monthly", 900, "month"));
		this.store.put("price_yearly", price("price_yearly", product, YEARLY_LOOKUP_KEY, "Yearly", 9000, "year"));
	}

	private Model.Price price(String id, Model.Product product, String lookupKey, String nickname, long amount,
			String interval) {
		Model.Price price = new Model.Price();
		price.id = id;
		price.product = product.id;
		price.lookupKey = lookupKey;
		price.nickname = nickname;
		price.unitAmount = amount;
		price.interval = interval;
		price.created = product.created;
		return price;
	}

	// ---- test controls (public for tests and scripts) ----

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
		return this.emitter.ids(type);
	}

	/** The JSON of an emitted event. */
	public @Nullable Map<String, Object> event(String id) {
		return this.emitter.event(id);
	}

	/** Sends an emitted event again, as Stripe's "resend" does. */
	public void resend(String id) {
		Map<String, Object> event = Objects.requireNonNull(event(id), id);
		this.webhooks.send(List.of(event));
	}

	// ---- persistence ----

	/** The state as JSON, or null when nothing changed since the last call. */
	@Nullable
	String exportIfChanged() {
		return this.store.exportIfChanged();
	}

	/** Replaces the state with an exported one (at start-up). */
	void load(String json) {
		this.store.load(json);
	}

	// ---- lookup ----

	<T> T get(Class<T> type, String kind, String id) {
		return this.store.get(type, kind, id);
	}

	Map<String, Object> render(String id, List<String> expand) {
		return this.store.render(id, expand);
	}

	<T> List<Map<String, Object>> renderAll(Class<T> type, Predicate<T> filter, List<String> expand) {
		return this.store.renderAll(type, filter, expand);
	}

	// ---- customers and payment methods ----

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
			for (Model.Subscription s : this.store.all(Model.Subscription.class)) {
				if (s.customer.equals(id) && !s.status.equals("canceled") && !s.status.equals("incomplete_expired")) {
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
	private Model.PaymentMethod attach(String idOrToken, String customer) {
		TestCard card = TestCard.of(idOrToken);
		if (card == null) {
			Model.PaymentMethod existing = this.store.get(Model.PaymentMethod.class, "PaymentMethod", idOrToken);
			existing.customer = customer;
			return existing;
		}
		if (card.declined()) {
			throw new SandboxError(402, "card_error", "card_declined", null, "Your card was declined.");
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

	// ---- test clocks ----

	Map<String, Object> createClock(StripeParams params) {
		return this.emitter.change(events -> {
			Model.TestClock clock = new Model.TestClock();
			clock.id = this.store.newId("clock_");
			clock.frozenTime = Long.parseLong(params.require("frozen_time"));
			clock.name = Objects.requireNonNullElse(params.get("name"), "");
			clock.created = this.store.realNow();
			this.store.put(clock.id, clock);
			return this.store.render(clock);
		});
	}

	Map<String, Object> advanceClock(String id, long target) {
		return this.emitter.change(events -> {
			Model.TestClock clock = this.store.get(Model.TestClock.class, "test_clock", id);
			if (target <= clock.frozenTime) {
				throw SandboxError.invalid("parameter_invalid_integer", "frozen_time",
						"The frozen_time must be after the test clock's current frozen time.");
			}
			while (true) {
				Model.Subscription next = null;
				long due = Long.MAX_VALUE;
				for (Model.Subscription s : this.store.all(Model.Subscription.class)) {
					if (this.store.find(s.customer) instanceof Model.Customer c && id.equals(c.testClock)) {
						long at = SubscriptionLifecycle.dueAt(s);
						if (at <= target && at < due) {
							due = at;
							next = s;
						}
					}
				}
				if (next == null) {
					break;
				}
				clock.frozenTime = Math.max(clock.frozenTime, due);
				this.lifecycle.advance(next, Math.max(due, clock.frozenTime), events);
			}
			clock.frozenTime = target;
			return this.store.render(clock);
		});
	}

	// ---- checkout ----

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
			session.expiresAt = session.created + DAY;
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
		synchronized (this.store) {
			Model.Session session = this.store.get(Model.Session.class, "checkout.session", id);
			Model.Price price = this.store.get(Model.Price.class, "price", session.price);
			boolean trial = session.trialPeriodDays != null && session.trialPeriodDays > 0;
			return new CheckoutView(session.id, session.status, price.nickname, price.unitAmount, price.currency,
					price.interval, trial ? session.trialPeriodDays : 0,
					trial && session.paymentMethodCollection.equals("if_required"),
					session.successUrl.replace("{CHECKOUT_SESSION_ID}", session.id), session.cancelUrl);
		}
	}

	record CheckoutView(String id, String status, String plan, long amount, String currency, String interval,
			long trialDays, boolean cardOptional, String successUrl, String cancelUrl) {
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
			boolean trial = session.trialPeriodDays != null && session.trialPeriodDays > 0;
			if (paymentMethod == null && !(trial && session.paymentMethodCollection.equals("if_required"))) {
				throw SandboxError.invalid("parameter_missing", "payment_method",
						"This Checkout Session requires a payment method.");
			}
			TestCard card = (paymentMethod == null) ? null : TestCard.of(paymentMethod);
			if (!trial && card != null && card.failsCharges()) {
				throw new SandboxError(402, "card_error", "card_declined", null, "Your card was declined.");
			}
			Model.PaymentMethod method = (paymentMethod == null) ? null : attach(paymentMethod, session.customer);
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
				s.status = "trialing";
				s.trialStart = now;
				s.trialEnd = now + session.trialPeriodDays * DAY;
				s.trialWillEndSent = session.trialPeriodDays <= 3;
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

	// ---- subscriptions ----

	Map<String, Object> updateSubscription(String id, StripeParams params) {
		return this.emitter.change(events -> {
			Model.Subscription s = this.store.get(Model.Subscription.class, "subscription", id);
			if (s.status.equals("canceled") || s.status.equals("incomplete_expired")) {
				throw SandboxError.invalid("resource_invalid_state", null,
						"A canceled subscription can only update its cancellation_details and metadata.");
			}
			Map<String, Object> previous = new LinkedHashMap<>();
			long now = this.store.now(s.customer);
			String method = params.get("default_payment_method");
			if (method != null) {
				previous.put("default_payment_method", s.defaultPaymentMethod);
				s.defaultPaymentMethod = attach(method, s.customer).id;
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
				s.trialWillEndSent = s.trialEnd - 3 * DAY <= now;
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
		synchronized (this.store) {
			Model.PortalSession session = this.store.get(Model.PortalSession.class, "billing_portal.session", id);
			Model.Customer customer = this.store.get(Model.Customer.class, "customer", session.customer);
			Model.Subscription s = this.store
					.newestFirst(Model.Subscription.class, sub -> sub.customer.equals(customer.id)).stream().findFirst()
					.orElse(null);
			Model.PaymentMethod method = (customer.defaultPaymentMethod == null)
					? null
					: (Model.PaymentMethod) this.store.find(customer.defaultPaymentMethod);
			if (s != null && s.defaultPaymentMethod != null) {
				method = (Model.PaymentMethod) this.store.find(s.defaultPaymentMethod);
			}
			Model.Price price = (s == null) ? null : this.store.get(Model.Price.class, "price", s.price);
			List<Model.Invoice> invoices = this.store.newestFirst(Model.Invoice.class,
					invoice -> invoice.customer.equals(customer.id));
			return new PortalView(session.id, customer.email, session.returnUrl, (s == null) ? null : s.id,
					(s == null) ? null : s.status, (price == null) ? null : price.id,
					(price == null) ? null : price.nickname, s != null && s.cancelAtPeriodEnd,
					(s == null) ? null : Instant.ofEpochSecond(s.trialEnd != null ? s.trialEnd : s.periodEnd),
					(method == null) ? null : method.brand + " •••• " + method.last4, invoices);
		}
	}

	Model.Customer portalCustomer(String portalSessionId) {
		synchronized (this.store) {
			Model.PortalSession session = this.store.get(Model.PortalSession.class, "billing_portal.session",
					portalSessionId);
			return this.store.get(Model.Customer.class, "customer", session.customer);
		}
	}

	record PortalView(String id, @Nullable String email, String returnUrl, @Nullable String subscription,
			@Nullable String status, @Nullable String price, @Nullable String plan, boolean cancelAtPeriodEnd,
			@Nullable Instant periodEnd, @Nullable String card, List<Model.Invoice> invoices) {
	}

	@Override
	public void close() {
		this.webhooks.close();
	}

}
