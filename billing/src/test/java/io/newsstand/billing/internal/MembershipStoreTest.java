package io.newsstand.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.testing.RedisExtension;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

@ExtendWith(RedisExtension.class)
class MembershipStoreTest {

	static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

	final StringRedisTemplate redis;

	final MembershipStore store;

	MembershipStoreTest(StringRedisTemplate redis) {
		this.redis = redis;
		this.store = new MembershipStore(redis);
	}

	static Snapshot snapshot(String account, String status) {
		return new Snapshot(account, "cus_" + account, null, SubscriptionStatus.of(status), null, null, null, null,
				null, null, false, false, null, 0, 0, "eur", NOW, false);
	}

	@Test
	void aNoneSnapshotWithAPendingCheckoutStaysInTheReconcileUntilASubscriptionShows() {
		this.store.write(snapshot("a1", "none"));
		assertThat(this.store.accountsToReconcile()).doesNotContain("a1");

		this.store.checkoutStarted("a1", NOW);
		this.store.write(snapshot("a1", "none"));
		assertThat(this.store.accountsToReconcile()).contains("a1");
		assertThat(this.store.checkoutPending("a1")).isTrue();

		this.store.write(snapshot("a1", "trialing"));
		assertThat(this.store.checkoutPending("a1")).isFalse();
		this.store.write(snapshot("a1", "canceled"));
		assertThat(this.store.accountsToReconcile()).doesNotContain("a1");
	}

	@Test
	void aPendingCheckoutLastsTwoDays() {
		this.store.checkoutStarted("a2", NOW);
		Long ttl = this.redis.getExpire(BillingKeys.checkoutPending("a2"));
		assertThat(ttl).isBetween(MembershipStore.CHECKOUT_PENDING.toSeconds() - 5,
				MembershipStore.CHECKOUT_PENDING.toSeconds());
	}

	@Test
	void aSnapshotWrittenBeforeHasPaidExistedReadsAsNeverPaid() {
		this.redis.opsForValue().set(BillingKeys.membership("a3"), "{\"accountId\":\"a3\",\"customerId\":\"cus_3\","
				+ "\"status\":\"past_due\",\"cancelAtPeriodEnd\":false,\"hasPaymentMethod\":true,"
				+ "\"clockOffsetSeconds\":0,\"amount\":900,\"currency\":\"eur\",\"syncedAt\":\"2026-06-15T12:00:00Z\"}");
		Snapshot read = this.store.read("a3");
		assertThat(read).isNotNull();
		assertThat(read.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
		assertThat(read.hasPaid()).isFalse();
	}

	@Test
	void theStatusIsStoredUnderStripesName() {
		this.store.write(snapshot("a5", "past_due"));
		assertThat(this.redis.opsForValue().get(BillingKeys.membership("a5"))).contains("\"status\":\"past_due\"");
		assertThat(this.store.read("a5").status()).isEqualTo(SubscriptionStatus.PAST_DUE);
	}

	@Test
	void aReadSyncIsClaimedOncePerInterval() {
		assertThat(this.store.claimReadSync("a4")).isTrue();
		assertThat(this.store.claimReadSync("a4")).isFalse();
	}

}
