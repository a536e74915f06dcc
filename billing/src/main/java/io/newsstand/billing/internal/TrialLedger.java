package io.newsstand.billing.internal;

import io.newsstand.billing.Mailbox;
import io.newsstand.billing.TrialEligibility;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * One free trial per person: a ledger of accounts, normalised e-mail addresses
 * and card fingerprints that have had a trial. Stripe does not enforce this.
 */
@Component
class TrialLedger {

	private static final Duration RESERVATION = Duration.ofDays(1);

	private final StringRedisTemplate redis;

	private final int trialDays;

	TrialLedger(StringRedisTemplate redis, BillingProperties properties) {
		this.redis = redis;
		this.trialDays = properties.trialDays();
	}

	/** The form trials are keyed by: the address's {@link Mailbox}. */
	static String normalise(String email) {
		return Mailbox.of(email);
	}

	TrialEligibility check(String accountId, String email) {
		if (this.trialDays <= 0) {
			return new TrialEligibility(false, 0, "Free trials are not offered at the moment.");
		}
		if (Boolean.TRUE.equals(this.redis.hasKey(BillingKeys.trialAccount(accountId)))) {
			return new TrialEligibility(false, this.trialDays, "This account has already had its free trial.");
		}
		String holder = this.redis.opsForValue().get(BillingKeys.trialEmail(normalise(email)));
		if (holder != null && !holder.equals(accountId)) {
			return new TrialEligibility(false, this.trialDays,
					"A free trial has already been used with this e-mail address.");
		}
		return new TrialEligibility(true, this.trialDays, null);
	}

	/**
	 * Holds the e-mail address for this account while its checkout is open, so a
	 * second account cannot start a trial with it at the same time.
	 */
	boolean reserve(String accountId, String email) {
		String key = BillingKeys.trialEmail(normalise(email));
		if (Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(key, accountId, RESERVATION))) {
			return true;
		}
		return accountId.equals(this.redis.opsForValue().get(key));
	}

	/** Records, for good, that the account had a trial with this address. */
	void markUsed(String accountId, @Nullable String email) {
		this.redis.opsForValue().set(BillingKeys.trialAccount(accountId), "1");
		if (email != null) {
			String key = BillingKeys.trialEmail(normalise(email));
			this.redis.opsForValue().setIfAbsent(key, accountId);
			if (accountId.equals(this.redis.opsForValue().get(key))) {
				this.redis.persist(key);
			}
		}
	}

	/** The account whose trial first used this card (this one if none did). */
	String claimCard(String fingerprint, String accountId) {
		String key = BillingKeys.trialCard(fingerprint);
		this.redis.opsForValue().setIfAbsent(key, accountId);
		String owner = this.redis.opsForValue().get(key);
		return (owner == null) ? accountId : owner;
	}

}
