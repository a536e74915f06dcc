package io.newsstand.stripesandbox;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The sandbox's state and Stripe's billing behaviour over it: customers, a
 * seeded product with monthly and yearly prices, checkout sessions,
 * subscriptions, invoices, portal sessions and test clocks, one class per
 * resource ({@link Customers}, {@link TestClocks}, {@link Checkout},
 * {@link Subscriptions}, {@link CreditNotes}), all working on one
 * {@link SandboxStore} and emitting through one {@link SandboxEvents}. Moving a
 * test clock runs what Stripe runs when time passes (trial reminders, trial
 * ends, renewals, failed payments and their retries, cancellation at period
 * end). All state is in Redis, written through on every change, so a crash
 * loses nothing and several app nodes share one sandbox.
 */
record SandboxResources(SandboxStore store, SandboxEvents events, Customers customers, TestClocks clocks,
		Checkout checkout, Subscriptions subscriptions, CreditNotes creditNotes) {

	/** Builds the resources over one Redis and seeds the catalog there once. */
	static SandboxResources create(InstantSource clock, String apiVersion, StringRedisTemplate redis,
			WebhookSender webhooks, int maxEventsPerAdvance) {
		// Hosted pages are named by their path: the reader reaches them on whichever
		// host name they reach the app by, with its sign-in and CSRF cookies.
		SandboxStore store = new SandboxStore(clock, redis, () -> Sandbox.PATH);
		SandboxEvents events = new SandboxEvents(store, apiVersion, webhooks);
		SubscriptionLifecycle lifecycle = new SubscriptionLifecycle(store, events);
		Customers customers = new Customers(store, events, lifecycle);
		Catalog catalog = new Catalog(store, events);
		catalog.seed(redis);
		catalog.seedDollarPrices();
		return new SandboxResources(store, events, customers,
				new TestClocks(store, events, lifecycle, maxEventsPerAdvance),
				new Checkout(store, events, lifecycle, customers),
				new Subscriptions(store, events, lifecycle, customers), new CreditNotes(store, events));
	}

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

}
