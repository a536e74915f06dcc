package io.newsstand.billing.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Billing's Redis state: membership snapshots, the account/customer mapping,
 * open checkout sessions, the reconcile set, processed webhook events and
 * published reminders.
 */
@Component
class MembershipStore {

	static final Duration EVENT_RETENTION = Duration.ofDays(35);

	private final StringRedisTemplate redis;

	MembershipStore(StringRedisTemplate redis) {
		this.redis = redis;
	}

	// ---- snapshots ----

	@Nullable
	Snapshot read(String accountId) {
		Map<Object, Object> hash = this.redis.opsForHash().entries(BillingKeys.membership(accountId));
		return hash.isEmpty() ? null : fromHash(accountId, hash);
	}

	/**
	 * Replaces the snapshot in one transaction, so a reader never sees half of it.
	 */
	void write(Snapshot snapshot) {
		String key = BillingKeys.membership(snapshot.accountId());
		Map<String, String> hash = toHash(snapshot);
		this.redis.execute(new SessionCallback<List<Object>>() {
			@Override
			@SuppressWarnings({"unchecked", "rawtypes"})
			public List<Object> execute(RedisOperations operations) throws DataAccessException {
				operations.multi();
				operations.delete(key);
				operations.opsForHash().putAll(key, hash);
				return operations.exec();
			}
		});
		if (snapshot.isFinal()) {
			this.redis.opsForSet().remove(BillingKeys.reconcile(), snapshot.accountId());
		} else {
			this.redis.opsForSet().add(BillingKeys.reconcile(), snapshot.accountId());
		}
	}

	Set<String> accountsToReconcile() {
		Set<String> members = this.redis.opsForSet().members(BillingKeys.reconcile());
		return (members == null) ? Set.of() : members;
	}

	private static Map<String, String> toHash(Snapshot s) {
		Map<String, String> hash = new HashMap<>();
		hash.put("customer", s.customerId());
		put(hash, "email", s.email());
		hash.put("status", s.status());
		put(hash, "subscription", s.subscriptionId());
		put(hash, "item", s.itemId());
		put(hash, "plan", s.plan());
		put(hash, "trialEnd", s.trialEnd());
		put(hash, "periodStart", s.periodStart());
		put(hash, "periodEnd", s.periodEnd());
		hash.put("cancelAtPeriodEnd", Boolean.toString(s.cancelAtPeriodEnd()));
		hash.put("hasPaymentMethod", Boolean.toString(s.hasPaymentMethod()));
		put(hash, "pastDueSince", s.pastDueSince());
		hash.put("clockOffset", Long.toString(s.clockOffsetSeconds()));
		hash.put("amount", Long.toString(s.amount()));
		hash.put("currency", s.currency());
		hash.put("syncedAt", Long.toString(s.syncedAt().toEpochMilli()));
		return hash;
	}

	private static void put(Map<String, String> hash, String field, @Nullable Object value) {
		if (value instanceof Instant instant) {
			hash.put(field, Long.toString(instant.getEpochSecond()));
		} else if (value != null) {
			hash.put(field, value.toString());
		}
	}

	private static Snapshot fromHash(String accountId, Map<Object, Object> hash) {
		return new Snapshot(accountId, string(hash, "customer", ""), string(hash, "email", null),
				string(hash, "status", "none"), string(hash, "subscription", null), string(hash, "item", null),
				string(hash, "plan", null), instant(hash, "trialEnd"), instant(hash, "periodStart"),
				instant(hash, "periodEnd"), Boolean.parseBoolean(string(hash, "cancelAtPeriodEnd", "false")),
				Boolean.parseBoolean(string(hash, "hasPaymentMethod", "false")), instant(hash, "pastDueSince"),
				Long.parseLong(string(hash, "clockOffset", "0")), Long.parseLong(string(hash, "amount", "0")),
				string(hash, "currency", "eur"), Instant.ofEpochMilli(Long.parseLong(string(hash, "syncedAt", "0"))));
	}

	@SuppressWarnings("NullAway")
	private static String string(Map<Object, Object> hash, String field, @Nullable String fallback) {
		Object value = hash.get(field);
		return (value == null) ? fallback : (String) value;
	}

	private static @Nullable Instant instant(Map<Object, Object> hash, String field) {
		Object value = hash.get(field);
		return (value == null) ? null : Instant.ofEpochSecond(Long.parseLong((String) value));
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
