package io.newsstand.billing.internal.sandbox;

import io.newsstand.billing.internal.StripeConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The sandbox's state and Stripe's billing behaviour over it: customers, a
 * seeded product with monthly and yearly prices, checkout sessions,
 * subscriptions, invoices, portal sessions and test clocks. Moving a test clock
 * runs what Stripe runs when time passes (trial reminders, trial ends,
 * renewals, failed payments and their retries, cancellation at period end) and
 * each change emits the events Stripe emits. All state is in Redis, written
 * through on every change (see {@link SandboxStore}), so a crash loses nothing
 * and several app nodes share one sandbox.
 * <p>
 * This class seeds the catalog, offers the test controls and hands each API
 * call to the class of its resource ({@link Customers}, {@link TestClocks},
 * {@link Checkout}, {@link Subscriptions}), which work on the
 * {@link SandboxStore} and emit through {@link SandboxEvents}.
 */
public final class Sandbox implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Sandbox.class);

	static final String MONTHLY_LOOKUP_KEY = "newsstand_monthly";

	static final String YEARLY_LOOKUP_KEY = "newsstand_yearly";

	private final SandboxStore store;

	private final SandboxEvents emitter;

	private final WebhookSender webhooks;

	private final Customers customers;

	private final TestClocks clocks;

	private final Checkout checkout;

	private final Subscriptions subscriptions;

	private final CreditNotes creditNotes;

	Sandbox(InstantSource clock, String apiVersion, StringRedisTemplate redis, WebhookSender webhooks,
			int maxEventsPerAdvance) {
		// Hosted pages are named by their path: the reader reaches them on whichever
		// host name they reach the app by, with its sign-in and CSRF cookies.
		this.store = new SandboxStore(clock, redis, () -> StripeConnection.SANDBOX_PATH);
		this.emitter = new SandboxEvents(this.store, apiVersion, webhooks);
		this.webhooks = webhooks;
		SubscriptionLifecycle lifecycle = new SubscriptionLifecycle(this.store, this.emitter);
		this.customers = new Customers(this.store, this.emitter, lifecycle);
		this.clocks = new TestClocks(this.store, this.emitter, lifecycle, maxEventsPerAdvance);
		this.checkout = new Checkout(this.store, this.emitter, lifecycle, this.customers);
		this.subscriptions = new Subscriptions(this.store, this.emitter, lifecycle, this.customers);
		this.creditNotes = new CreditNotes(this.store, this.emitter);
		seed(redis);
		seedDollarPrices();
	}

	/**
	 * Creates the catalog once per Redis (whichever node comes first), and takes
	 * over the one-document state earlier versions saved.
	 */
	private void seed(StringRedisTemplate redis) {
		String legacy = redis.opsForValue().get(SandboxKeys.LEGACY_STATE);
		this.emitter.change(events -> {
			if (this.store.find("prod_newsstand") != null) {
				return null;
			}
			if (legacy != null) {
				SandboxState.legacy(legacy).entrySet().stream().sorted(Map.Entry.<Object, Long>comparingByValue())
						.forEach(entry -> this.store.put(SandboxStore.idOf(entry.getKey()), entry.getKey()));
				if (this.store.find("prod_newsstand") != null) {
					return null;
				}
			}
			Model.Product product = new Model.Product();
			product.id = "prod_newsstand";
			product.name = "Newsstand Membership";
			product.created = this.store.realNow();
			this.store.put(product.id, product);
			this.store.put("price_monthly",
					price("price_monthly", product, MONTHLY_LOOKUP_KEY, "Monthly", 900, "month"));
			this.store.put("price_yearly", price("price_yearly", product, YEARLY_LOOKUP_KEY, "Yearly", 9000, "year"));
			return null;
		});
		if (legacy != null) {
			redis.delete(SandboxKeys.LEGACY_STATE);
			log.info("Stripe sandbox: the state saved as {} now lives in per-object keys", SandboxKeys.LEGACY_STATE);
		}
	}

	/**
	 * Dollar prices beside the euro plans (a catalog with two currencies, as
	 * payouts by currency need), added to stores seeded before they existed.
	 */
	private void seedDollarPrices() {
		this.emitter.change(events -> {
			Model.Product product = this.store.get(Model.Product.class, "product", "prod_newsstand");
			for (String interval : new String[]{"month", "year"}) {
				String id = "price_" + interval + "ly_usd";
				if (this.store.find(id) == null) {
					Model.Price price = price(id, product, "member_" + interval + "ly_usd",
							interval.equals("month") ? "Monthly (USD)" : "Yearly (USD)",
							interval.equals("month") ? 1000 : 10000, interval);
					price.currency = "usd";
					this.store.put(id, price);
				}
			}
			return null;
		});
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

	// ---- lookup ----

	<T> T get(Class<T> type, String kind, String id) {
		return this.store.read(() -> this.store.get(type, kind, id));
	}

	Map<String, Object> render(String id, List<String> expand) {
		return this.store.render(id, expand);
	}

	/**
	 * The objects of an index (see {@link SandboxStore#indexes}) that match,
	 * rendered, newest first.
	 */
	<T> List<Map<String, Object>> renderAll(Class<T> type, String index, Predicate<T> filter, List<String> expand) {
		return this.store.read(() -> this.store.render(this.store.members(type, index), filter, expand));
	}

	/** One page of an index, as Stripe pages a list. */
	SandboxStore.Page page(String index, int limit, @Nullable String startingAfter, List<String> expand) {
		return this.store.page(index, limit, startingAfter, expand);
	}

	// ---- customers and payment methods ----

	Map<String, Object> createCustomer(StripeParams params) {
		return this.customers.createCustomer(params);
	}

	Map<String, Object> updateCustomer(String id, StripeParams params) {
		return this.customers.updateCustomer(id, params);
	}

	Map<String, Object> deleteCustomer(String id) {
		return this.customers.deleteCustomer(id);
	}

	Map<String, Object> attachPaymentMethod(String id, String customer) {
		return this.customers.attachPaymentMethod(id, customer);
	}

	// ---- test clocks ----

	Map<String, Object> createCreditNote(StripeParams params) {
		return this.creditNotes.create(params);
	}

	Map<String, Object> createClock(StripeParams params) {
		return this.clocks.createClock(params);
	}

	Map<String, Object> advanceClock(String id, long target) {
		return this.clocks.advanceClock(id, target);
	}

	// ---- checkout ----

	Map<String, Object> createSession(StripeParams params) {
		return this.checkout.createSession(params);
	}

	Map<String, Object> expireSession(String id) {
		return this.checkout.expireSession(id);
	}

	CheckoutView checkoutView(String id) {
		return this.checkout.checkoutView(id);
	}

	Map<String, Object> completeSession(String id, @Nullable String paymentMethod) {
		return this.checkout.completeSession(id, paymentMethod);
	}

	/**
	 * What the hosted checkout page shows; {@code owner} is the account the session
	 * was opened for (its {@code client_reference_id}, else its customer's
	 * {@code metadata.accountId}), null when none.
	 */
	record CheckoutView(String id, @Nullable String owner, String status, String plan, long amount, String currency,
			String interval, long trialDays, boolean cardOptional, String successUrl, String cancelUrl) {
	}

	// ---- subscriptions and the portal ----

	Map<String, Object> updateSubscription(String id, StripeParams params) {
		return this.subscriptions.updateSubscription(id, params);
	}

	Map<String, Object> cancelSubscription(String id) {
		return this.subscriptions.cancelSubscription(id);
	}

	Map<String, Object> resumeSubscription(String id) {
		return this.subscriptions.resumeSubscription(id);
	}

	Map<String, Object> createPortalSession(StripeParams params) {
		return this.subscriptions.createPortalSession(params);
	}

	PortalView portalView(String id) {
		return this.subscriptions.portalView(id);
	}

	/**
	 * What the hosted portal page shows; {@code owner} is the customer's
	 * {@code metadata.accountId}, {@code clock} its test clock when no other
	 * customer lives on it.
	 */
	record PortalView(String id, @Nullable String owner, @Nullable String clock, @Nullable String email,
			String returnUrl, @Nullable String subscription, @Nullable String status, @Nullable String price,
			@Nullable String plan, boolean cancelAtPeriodEnd, @Nullable Instant periodEnd, @Nullable String card,
			List<Model.Invoice> invoices) {
	}

	@Override
	public void close() {
		this.webhooks.close();
	}

}
