package io.newsstand.billing.internal;

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

	private static final JsonMapper JSON = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	private final StringRedisTemplate redis;

	MembershipStore(StringRedisTemplate redis) {
		this.redis = redis;
	}

	// ---- snapshots ----

	@Nullable
	Snapshot read(String accountId) {
		String json = this.redis.opsForValue().get(BillingKeys.membership(accountId));
		return (json == null) ? null : JSON.readValue(json, Snapshot.class);
	}

	/**
	 * Replaces the snapshot: one JSON value written with one SET, so a reader never
	 * sees half of it and a read is one GET.
	 */
	void write(Snapshot snapshot) {
		this.redis.opsForValue().set(BillingKeys.membership(snapshot.accountId()), JSON.writeValueAsString(snapshot));
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
