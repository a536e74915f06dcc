package io.newsstand.billing.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Billing's Redis state: membership snapshots, the account/customer mapping,
 * open checkout sessions, the reconcile set, processed webhook events and
 * published reminders.
 */
@Component
class MembershipStore {

	static final Duration EVENT_RETENTION = Duration.ofDays(35);

	/**
	 * How long a started checkout keeps its account reconciled while Stripe shows
	 * no subscription: a Checkout Session expires after 24 h, and Stripe retries a
	 * webhook for three days; two days covers a session completed at its last
	 * minute and an outage of a day.
	 */
	static final Duration CHECKOUT_PENDING = Duration.ofHours(48);

	/** At most one sync from a reader's page per account this often. */
	static final Duration READ_SYNC_INTERVAL = Duration.ofSeconds(5);

	private static final JsonMapper JSON = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			// Snapshots written before a field existed read it as false (hasPaid: the
			// Reconciler's run at start re-reads every past-due membership at once).
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

	private final StringRedisTemplate redis;

	/**
	 * Snapshots by their stored text: a snapshot is immutable, and a member's every
	 * page read and parsed the same text (a tenth of an article page). Keyed by the
	 * whole text, so a changed snapshot is parsed afresh.
	 */
	private final Cache<String, Snapshot> parsed = Caffeine.newBuilder().maximumSize(10_000)
			.expireAfterAccess(Duration.ofMinutes(30)).build();

	MembershipStore(StringRedisTemplate redis) {
		this.redis = redis;
	}

	// ---- snapshots ----

	@Nullable
	Snapshot read(String accountId) {
		String json = this.redis.opsForValue().get(BillingKeys.membership(accountId));
		return (json == null) ? null : this.parsed.get(json, (text) -> JSON.readValue(text, Snapshot.class));
	}

	/**
	 * Replaces the snapshot: one JSON value written with one SET, so a reader never
	 * sees half of it and a read is one GET. A final snapshot leaves the reconcile
	 * set only when no checkout is pending: "none" right after a checkout may be a
	 * webhook that never came.
	 */
	void write(Snapshot snapshot) {
		String accountId = snapshot.accountId();
		this.redis.opsForValue().set(BillingKeys.membership(accountId), JSON.writeValueAsString(snapshot));
		if (snapshot.isLive()) {
			// Stripe has the subscription and so does the snapshot: from here the live
			// membership keeps the account reconciled.
			this.redis.delete(BillingKeys.checkoutPending(accountId));
			this.redis.opsForSet().add(BillingKeys.reconcile(), accountId);
		} else if (checkoutPending(accountId)) {
			this.redis.opsForSet().add(BillingKeys.reconcile(), accountId);
		} else {
			this.redis.opsForSet().remove(BillingKeys.reconcile(), accountId);
		}
	}

	/** A checkout starts: reconcile the account until Stripe shows its outcome. */
	void checkoutStarted(String accountId, Instant at) {
		this.redis.opsForValue().set(BillingKeys.checkoutPending(accountId), Long.toString(at.getEpochSecond()),
				CHECKOUT_PENDING);
		this.redis.opsForSet().add(BillingKeys.reconcile(), accountId);
	}

	/** The account is going away: nothing more to wait for. */
	void forgetPendingCheckout(String accountId) {
		this.redis.delete(BillingKeys.checkoutPending(accountId));
	}

	/**
	 * A checkout started in the last 48 h and no live subscription seen since.
	 */
	boolean checkoutPending(String accountId) {
		return Boolean.TRUE.equals(this.redis.hasKey(BillingKeys.checkoutPending(accountId)));
	}

	/**
	 * True for the first caller per {@link #READ_SYNC_INTERVAL}: a reader reloading
	 * the account page does not send a Stripe call per reload.
	 */
	boolean claimReadSync(String accountId) {
		return Boolean.TRUE
				.equals(this.redis.opsForValue().setIfAbsent(BillingKeys.readSync(accountId), "1", READ_SYNC_INTERVAL));
	}

	Set<String> accountsToReconcile() {
		Set<String> members = this.redis.opsForSet().members(BillingKeys.reconcile());
		return (members == null) ? Set.of() : members;
	}

	// ---- customers ----

	@Nullable
	String customerOf(String accountId) {
		return this.redis.opsForValue().get(BillingKeys.customer(accountId));
	}

	@Nullable
	String accountOf(String customerId) {
		return this.redis.opsForValue().get(BillingKeys.customerAccount(customerId));
	}

	/**
	 * Reverse mapping first: a crash in between leaves nothing a retry cannot
	 * repair.
	 */
	void link(String accountId, String customerId) {
		this.redis.opsForValue().set(BillingKeys.customerAccount(customerId), accountId);
		this.redis.opsForValue().set(BillingKeys.customer(accountId), customerId);
	}

	void unlink(String accountId) {
		this.redis.delete(BillingKeys.customer(accountId));
	}

	/**
	 * Forgets a customer Stripe no longer has; the next one gets a new idempotency
	 * key.
	 */
	void unlinkIfCustomer(String accountId, String customerId) {
		if (customerId.equals(customerOf(accountId))) {
			unlink(accountId);
			nextCheckoutGeneration(accountId);
		}
	}

	// ---- checkout sessions ----

	record OpenCheckout(String sessionId, String url, String priceId, boolean trial) {
	}

	@Nullable
	OpenCheckout openCheckout(String accountId) {
		Map<Object, Object> hash = this.redis.opsForHash().entries(BillingKeys.checkout(accountId));
		if (hash.isEmpty()) {
			return null;
		}
		return new OpenCheckout((String) hash.get("session"), (String) hash.get("url"), (String) hash.get("price"),
				Boolean.parseBoolean((String) hash.get("trial")));
	}

	void rememberCheckout(String accountId, OpenCheckout checkout) {
		String key = BillingKeys.checkout(accountId);
		this.redis.opsForHash().putAll(key, Map.of("session", checkout.sessionId(), "url", checkout.url(), "price",
				checkout.priceId(), "trial", Boolean.toString(checkout.trial())));
		this.redis.expire(key, Duration.ofHours(23));
	}

	void forgetCheckout(String accountId) {
		this.redis.delete(BillingKeys.checkout(accountId));
	}

	long checkoutGeneration(String accountId) {
		String value = this.redis.opsForValue().get(BillingKeys.checkoutGeneration(accountId));
		return (value == null) ? 0 : Long.parseLong(value);
	}

	void nextCheckoutGeneration(String accountId) {
		this.redis.opsForValue().increment(BillingKeys.checkoutGeneration(accountId));
	}

	// ---- webhook events and reminders ----

	boolean eventProcessed(String eventId) {
		return Boolean.TRUE.equals(this.redis.hasKey(BillingKeys.event(eventId)));
	}

	void markEventProcessed(String eventId) {
		this.redis.opsForValue().set(BillingKeys.event(eventId), "1", EVENT_RETENTION);
	}

	/** True for the first caller only: a reminder is published once. */
	boolean claimReminder(String subscriptionId, Instant trialEnd, String kind) {
		return Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(
				BillingKeys.reminder(subscriptionId, trialEnd.getEpochSecond(), kind), "1", Duration.ofDays(60)));
	}

}
