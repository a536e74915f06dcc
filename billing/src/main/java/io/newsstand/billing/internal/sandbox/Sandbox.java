package io.newsstand.billing.internal.sandbox;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
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

	private static final SecureRandom random = new SecureRandom();

	private final InstantSource clock;

	private final String apiVersion;

	private final Map<String, Object> objects = new HashMap<>();

	private final Map<String, Long> sequence = new HashMap<>();

	private final AtomicLong counter = new AtomicLong();

	private final Renderer renderer;

	private final WebhookSender webhooks;

	private final SubscriptionLifecycle lifecycle = new SubscriptionLifecycle(this);

	Sandbox(InstantSource clock, String apiVersion, Supplier<String> base, WebhookSender webhooks) {
		this.clock = clock;
		this.apiVersion = apiVersion;
		this.webhooks = webhooks;
		this.renderer = new Renderer(this::find, base);
		seed();
	}

	private void seed() {
		Model.Product product = new Model.Product();
		product.id = "prod_newsstand";
		product.name = "Newsstand Membership";
		product.created = realNow();
		put(product.id, product);
		put("price_monthly", price("price_monthly", product, MONTHLY_LOOKUP_KEY, "Monthly", 900, "month"));
		put("price_yearly", price("price_yearly", product, YEARLY_LOOKUP_KEY, "Yearly", 9000, "year"));
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
	public synchronized List<String> eventIds(String type) {
		return this.emitted.stream().filter(event -> type.equals(event.get("type")))
				.map(event -> (String) event.get("id")).toList();
	}

	/** The JSON of an emitted event. */
	public synchronized @Nullable Map<String, Object> event(String id) {
		return this.emitted.stream().filter(event -> id.equals(event.get("id"))).findFirst().orElse(null);
	}

	/** Sends an emitted event again, as Stripe's "resend" does. */
	public void resend(String id) {
		Map<String, Object> event = Objects.requireNonNull(event(id), id);
		this.webhooks.send(List.of(event));
	}

	private final List<Map<String, Object>> emitted = new ArrayList<>();

	private boolean dirty;

	// ---- persistence ----

	/** The state as JSON, or null when nothing changed since the last call. */
	synchronized @Nullable String exportIfChanged() {
		if (!this.dirty) {
			return null;
		}
		this.dirty = false;
		return SandboxState.write(this.objects, this.sequence);
	}

	/** Replaces the state with an exported one (at start-up). */
	synchronized void load(String json) {
		SandboxState.read(json, (id, object, sequence) -> {
			this.objects.put(id, object);
			this.sequence.put(id, sequence);
			this.counter.accumulateAndGet(sequence, Math::max);
		});
	}

	// ---- lookup ----

	synchronized @Nullable Object find(String id) {
		return this.objects.get(id);
	}

	<T> T get(Class<T> type, String kind, String id) {
		Object object = find(id);
		if (!type.isInstance(object)) {
			throw SandboxError.missing(kind, id);
		}
		return type.cast(object);
	}

	synchronized Map<String, Object> render(String id, List<String> expand) {
		Object object = this.objects.get(id);
		if (object == null) {
			throw SandboxError.missing("object", id);
		}
		return this.renderer.expand(this.renderer.render(object), expand);
	}

	synchronized <T> List<Map<String, Object>> renderAll(Class<T> type, java.util.function.Predicate<T> filter,
			List<String> expand) {
		// A list's expand paths name its items as data.*.
		List<String> itemPaths = expand.stream().filter(path -> path.startsWith("data.")).map(path -> path.substring(5))
				.toList();
		return this.objects.values().stream().filter(type::isInstance).map(type::cast).filter(filter)
				.sorted(Comparator.comparingLong((T object) -> -this.sequence.get(idOf(object))))
				.map(object -> this.renderer.expand(this.renderer.render(object), itemPaths)).toList();
	}

	private static String idOf(Object object) {
		return switch (object) {
			case Model.Customer c -> c.id;
			case Model.Product p -> p.id;
			case Model.Price p -> p.id;
			case Model.PaymentMethod p -> p.id;
			case Model.Session s -> s.id;
			case Model.Subscription s -> s.id;
			case Model.Invoice i -> i.id;
			case Model.PortalSession p -> p.id;
			case Model.TestClock t -> t.id;
			default -> throw new IllegalArgumentException();
		};
	}

	void put(String id, Object object) {
		this.objects.put(id, object);
		this.sequence.put(id, this.counter.incrementAndGet());
	}

	String newId(String prefix) {
		StringBuilder id = new StringBuilder(prefix);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
		for (int i = 0; i < 24; i++) {
			id.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return id.toString();
	}

	private long realNow() {
		return this.clock.instant().getEpochSecond();
	}

	private long now(String customerId) {
		Object customer = this.objects.get(customerId);
		if (customer instanceof Model.Customer c && c.testClock != null
				&& this.objects.get(c.testClock) instanceof Model.TestClock t) {
			return t.frozenTime;
		}
		return realNow();
	}

	/**
	 * Runs a change under the lock, then delivers the events it emitted after
	 * releasing it (the app's webhook handler calls back into the sandbox).
	 */
	<T> T change(Function<List<Map<String, Object>>, T> change) {
		List<Map<String, Object>> events = new ArrayList<>();
		T result;
		synchronized (this) {
			result = change.apply(events);
			this.emitted.addAll(events);
			this.dirty = true;
		}
		this.webhooks.send(events);
		return result;
	}

	void emit(List<Map<String, Object>> events, String type, Object object, @Nullable Map<String, Object> previous) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", newId("evt_"));
		event.put("object", "event");
		event.put("api_version", this.apiVersion);
		event.put("created", realNow());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("object", this.renderer.render(object));
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

	// ---- customers and payment methods ----

	Map<String, Object> createCustomer(StripeParams params) {
		return change(events -> {
			Model.Customer customer = new Model.Customer();
			customer.id = newId("cus_");
			customer.email = params.get("email");
			customer.name = params.get("name");
			customer.metadata.putAll(params.map("metadata"));
			String clock = params.get("test_clock");
			if (clock != null) {
				get(Model.TestClock.class, "test_clock", clock);
				customer.testClock = clock;
			}
			customer.created = now(customer.id);
			put(customer.id, customer);
			String method = params.get("payment_method");
			if (method != null) {
				customer.defaultPaymentMethod = attach(method, customer.id).id;
			}
			return this.renderer.render(customer);
		});
	}

	Map<String, Object> updateCustomer(String id, StripeParams params) {
		return change(events -> {
			Model.Customer customer = get(Model.Customer.class, "customer", id);
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
			return this.renderer.render(customer);
		});
	}

	/** Deletes a customer; Stripe cancels its subscriptions at once. */
	Map<String, Object> deleteCustomer(String id) {
		return change(events -> {
			Model.Customer customer = get(Model.Customer.class, "customer", id);
			long now = now(id);
			for (Object object : List.copyOf(this.objects.values())) {
				if (object instanceof Model.Subscription s && s.customer.equals(id) && !s.status.equals("canceled")
						&& !s.status.equals("incomplete_expired")) {
					this.lifecycle.cancel(s, now, events);
				}
			}
			customer.deleted = true;
			emit(events, "customer.deleted", customer, null);
			return this.renderer.render(customer);
		});
	}

	Map<String, Object> attachPaymentMethod(String id, String customer) {
		return change(events -> {
			get(Model.Customer.class, "customer", customer);
			return this.renderer.render(attach(id, customer));
		});
	}

	/**
	 * A payment method for a customer: an existing one, a test token such as
	 * {@code pm_card_visa}, or a test card number from the hosted pages.
	 */
	private Model.PaymentMethod attach(String idOrToken, String customer) {
		TestCard card = TestCard.of(idOrToken);
		if (card == null) {
			Model.PaymentMethod existing = get(Model.PaymentMethod.class, "PaymentMethod", idOrToken);
			existing.customer = customer;
			return existing;
		}
		if (card.declined()) {
			throw new SandboxError(402, "card_error", "card_declined", null, "Your card was declined.");
		}
		Model.PaymentMethod method = new Model.PaymentMethod();
		method.id = newId("pm_");
		method.customer = customer;
		method.brand = card.brand();
		method.last4 = card.last4();
		method.fingerprint = card.fingerprint();
		method.failsCharges = card.failsCharges();
		method.created = now(customer);
		put(method.id, method);
		return method;
	}

	// ---- test clocks ----

	Map<String, Object> createClock(StripeParams params) {
		return change(events -> {
			Model.TestClock clock = new Model.TestClock();
			clock.id = newId("clock_");
			clock.frozenTime = Long.parseLong(params.require("frozen_time"));
			clock.name = Objects.requireNonNullElse(params.get("name"), "");
			clock.created = realNow();
			put(clock.id, clock);
			return this.renderer.render(clock);
		});
	}

	Map<String, Object> advanceClock(String id, long target) {
		return change(events -> {
			Model.TestClock clock = get(Model.TestClock.class, "test_clock", id);
			if (target <= clock.frozenTime) {
				throw SandboxError.invalid("parameter_invalid_integer", "frozen_time",
						"The frozen_time must be after the test clock's current frozen time.");
			}
			while (true) {
				Model.Subscription next = null;
				long due = Long.MAX_VALUE;
				for (Object object : this.objects.values()) {
					if (object instanceof Model.Subscription s
							&& this.objects.get(s.customer) instanceof Model.Customer c && id.equals(c.testClock)) {
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
			return this.renderer.render(clock);
		});
	}

	// ---- checkout ----

	Map<String, Object> createSession(StripeParams params) {
		return change(events -> {
			if (!"subscription".equals(params.require("mode"))) {
				throw SandboxError.invalid("parameter_invalid_string", "mode",
						"The sandbox supports mode=subscription only.");
			}
			String customer = params.require("customer");
			if (get(Model.Customer.class, "customer", customer).deleted) {
				throw SandboxError.missing("customer", customer);
			}
			String price = params.require("line_items[0][price]");
			get(Model.Price.class, "price", price);
			Model.Session session = new Model.Session();
			session.id = newId("cs_test_");
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
			session.created = realNow();
			session.expiresAt = session.created + DAY;
			put(session.id, session);
			return this.renderer.render(session);
		});
	}

	Map<String, Object> expireSession(String id) {
		return change(events -> {
			Model.Session session = get(Model.Session.class, "checkout.session", id);
			if (!session.status.equals("open")) {
				throw SandboxError.invalid("checkout_session_not_open", null,
						"Only Checkout Sessions with a status of open can be expired.");
			}
			session.status = "expired";
			emit(events, "checkout.session.expired", session, null);
			return this.renderer.render(session);
		});
	}

	/** What the hosted checkout page shows. */
	synchronized CheckoutView checkoutView(String id) {
		Model.Session session = get(Model.Session.class, "checkout.session", id);
		Model.Price price = get(Model.Price.class, "price", session.price);
		boolean trial = session.trialPeriodDays != null && session.trialPeriodDays > 0;
		return new CheckoutView(session.id, session.status, price.nickname, price.unitAmount, price.currency,
				price.interval, trial ? session.trialPeriodDays : 0,
				trial && session.paymentMethodCollection.equals("if_required"),
				session.successUrl.replace("{CHECKOUT_SESSION_ID}", session.id), session.cancelUrl);
	}

	record CheckoutView(String id, String status, String plan, long amount, String currency, String interval,
			long trialDays, boolean cardOptional, String successUrl, String cancelUrl) {
	}

	/**
	 * Completes a session as the hosted page does when the reader pays or starts
	 * the trial.
	 */
	Map<String, Object> completeSession(String id, @Nullable String paymentMethod) {
		return change(events -> {
			Model.Session session = get(Model.Session.class, "checkout.session", id);
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
			long now = now(session.customer);
			Model.Price price = get(Model.Price.class, "price", session.price);
			Model.Subscription s = new Model.Subscription();
			s.id = newId("sub_");
			s.itemId = newId("si_");
			s.customer = session.customer;
			s.price = price.id;
			s.created = now;
			s.metadata.putAll(session.subscriptionMetadata);
			s.missingPaymentMethod = session.missingPaymentMethod;
			s.defaultPaymentMethod = (method == null) ? null : method.id;
			put(s.id, s);
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
				emit(events, "customer.subscription.created", s, null);
				emit(events, "invoice.paid", invoice, null);
				if (s.trialWillEndSent) {
					// A trial of three days or less: Stripe announces its end at once.
					emit(events, "customer.subscription.trial_will_end", s, null);
				}
			} else {
				s.status = "incomplete";
				s.periodStart = now;
				s.periodEnd = SubscriptionLifecycle.plusInterval(now, price.interval);
				emit(events, "customer.subscription.created", s, null);
				this.lifecycle.charge(s, now, "subscription_create", events);
			}
			session.status = "complete";
			session.paymentStatus = trial ? "no_payment_required" : "paid";
			session.subscription = s.id;
			emit(events, "checkout.session.completed", session, null);
			return this.renderer.render(session);
		});
	}

	// ---- subscriptions ----

	Map<String, Object> updateSubscription(String id, StripeParams params) {
		return change(events -> {
			Model.Subscription s = get(Model.Subscription.class, "subscription", id);
			if (s.status.equals("canceled") || s.status.equals("incomplete_expired")) {
				throw SandboxError.invalid("resource_invalid_state", null,
						"A canceled subscription can only update its cancellation_details and metadata.");
			}
			Map<String, Object> previous = new LinkedHashMap<>();
			long now = now(s.customer);
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
				get(Model.Price.class, "price", price);
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
						emit(events, "customer.subscription.updated", s, previous);
					}
					emit(events, "customer.subscription.trial_will_end", s, null);
					s.trialWillEndSent = true;
					s.trialEnd = now;
					this.lifecycle.endTrial(s, now, events);
					return this.renderer.render(s);
				}
				previous.put("trial_end", s.trialEnd);
				s.trialEnd = Long.parseLong(trialEnd);
				s.periodEnd = s.trialEnd;
				s.trialWillEndSent = s.trialEnd - 3 * DAY <= now;
			}
			if (!previous.isEmpty()) {
				emit(events, "customer.subscription.updated", s, previous);
			}
			return this.renderer.render(s);
		});
	}

	Map<String, Object> cancelSubscription(String id) {
		return change(events -> {
			Model.Subscription s = get(Model.Subscription.class, "subscription", id);
			if (s.status.equals("canceled")) {
				throw SandboxError.invalid("resource_invalid_state", null, "This subscription is already canceled.");
			}
			this.lifecycle.cancel(s, now(s.customer), events);
			return this.renderer.render(s);
		});
	}

	Map<String, Object> resumeSubscription(String id) {
		return change(events -> {
			Model.Subscription s = get(Model.Subscription.class, "subscription", id);
			if (!s.status.equals("paused")) {
				throw SandboxError.invalid("resource_invalid_state", null, "Only paused subscriptions can be resumed.");
			}
			long now = now(s.customer);
			s.periodStart = now;
			s.periodEnd = SubscriptionLifecycle.plusInterval(now, get(Model.Price.class, "price", s.price).interval);
			emit(events, "customer.subscription.resumed", s, null);
			this.lifecycle.charge(s, now, "subscription_cycle", events);
			return this.renderer.render(s);
		});
	}

	Map<String, Object> createPortalSession(StripeParams params) {
		return change(events -> {
			Model.PortalSession session = new Model.PortalSession();
			session.id = newId("bps_");
			session.customer = params.require("customer");
			get(Model.Customer.class, "customer", session.customer);
			session.returnUrl = Objects.requireNonNullElse(params.get("return_url"), "");
			session.created = realNow();
			put(session.id, session);
			return this.renderer.render(session);
		});
	}

	/** The portal page's view of a customer's newest subscription. */
	synchronized PortalView portalView(String id) {
		Model.PortalSession session = get(Model.PortalSession.class, "billing_portal.session", id);
		Model.Customer customer = get(Model.Customer.class, "customer", session.customer);
		Model.Subscription s = this.objects.values().stream().filter(Model.Subscription.class::isInstance)
				.map(Model.Subscription.class::cast).filter(sub -> sub.customer.equals(customer.id))
				.max(Comparator.comparingLong(sub -> this.sequence.get(sub.id))).orElse(null);
		Model.PaymentMethod method = (customer.defaultPaymentMethod == null)
				? null
				: (Model.PaymentMethod) this.objects.get(customer.defaultPaymentMethod);
		if (s != null && s.defaultPaymentMethod != null) {
			method = (Model.PaymentMethod) this.objects.get(s.defaultPaymentMethod);
		}
		Model.Price price = (s == null) ? null : get(Model.Price.class, "price", s.price);
		List<Model.Invoice> invoices = this.objects.values().stream().filter(Model.Invoice.class::isInstance)
				.map(Model.Invoice.class::cast).filter(invoice -> invoice.customer.equals(customer.id))
				.sorted(Comparator.comparingLong(invoice -> -this.sequence.get(invoice.id))).toList();
		return new PortalView(session.id, customer.email, session.returnUrl, (s == null) ? null : s.id,
				(s == null) ? null : s.status, (price == null) ? null : price.id,
				(price == null) ? null : price.nickname, s != null && s.cancelAtPeriodEnd,
				(s == null) ? null : Instant.ofEpochSecond(s.trialEnd != null ? s.trialEnd : s.periodEnd),
				(method == null) ? null : method.brand + " •••• " + method.last4, invoices);
	}

	synchronized Model.Customer portalCustomer(String portalSessionId) {
		Model.PortalSession session = get(Model.PortalSession.class, "billing_portal.session", portalSessionId);
		return get(Model.Customer.class, "customer", session.customer);
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
