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
		return Snapshot.builder(account, "cus_" + account, NOW).status(SubscriptionStatus.of(status)).build();
	}

	@Test
	void theSnapshotJsonKeepsItsFieldNames() {
		Snapshot full = Snapshot.builder("a9", "cus_9", NOW).email("r@example.com").status(SubscriptionStatus.PAST_DUE)
				.subscriptionId("sub_9").itemId("si_9").plan("yearly").trialEnd(NOW).periodStart(NOW).periodEnd(NOW)
				.cancelAtPeriodEnd(true).hasPaymentMethod(true).pastDueSince(NOW).clockOffsetSeconds(60).amount(9000)
				.currency("usd").hasPaid(true).build();
		this.store.write(full);

		String at = "\"2026-06-15T12:00:00Z\"";
		assertThat(this.redis.opsForValue().get(BillingKeys.membership("a9"))).contains("\"accountId\":\"a9\"",
				"\"customerId\":\"cus_9\"", "\"email\":\"r@example.com\"", "\"status\":\"past_due\"",
				"\"subscriptionId\":\"sub_9\"", "\"itemId\":\"si_9\"", "\"plan\":\"yearly\"", "\"trialEnd\":" + at,
				"\"periodStart\":" + at, "\"periodEnd\":" + at, "\"cancelAtPeriodEnd\":true",
				"\"hasPaymentMethod\":true", "\"pastDueSince\":" + at, "\"clockOffsetSeconds\":60", "\"amount\":9000",
				"\"currency\":\"usd\"", "\"syncedAt\":" + at, "\"hasPaid\":true");
		assertThat(this.store.read("a9")).isEqualTo(full);
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
