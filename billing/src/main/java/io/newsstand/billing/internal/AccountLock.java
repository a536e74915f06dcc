package io.newsstand.billing.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * A per-account Redis lock ({@code SET NX PX}, released only by its holder)
 * that serialises checkout, self-service changes and sync of one account across
 * threads and app nodes. Re-entrant within a thread.
 */
@Component
class AccountLock {

	private static final Duration LEASE = Duration.ofSeconds(60);

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final RedisScript<Long> RELEASE = RedisScript.of(
			"if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
			Long.class);

	private static final ThreadLocal<Set<String>> held = ThreadLocal.withInitial(HashSet::new);

	private final StringRedisTemplate redis;

	AccountLock(StringRedisTemplate redis) {
		this.redis = redis;
	}

	<T> T run(String accountId, Supplier<T> action) {
		if (held.get().contains(accountId)) {
			return action.get();
		}
		String key = BillingKeys.lock(accountId);
		String token = UUID.randomUUID().toString();
		long deadline = System.nanoTime() + WAIT.toNanos();
		long pause = 5;
		while (!Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(key, token, LEASE))) {
			if (System.nanoTime() > deadline) {
				throw new StripeRecords.Failure("account " + accountId + " is busy", true, null, null);
			}
			try {
				Thread.sleep(pause);
			} catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted waiting for account " + accountId, ex);
			}
			pause = Math.min(pause * 2, 100);
		}
		held.get().add(accountId);
		try {
			return action.get();
		} finally {
			held.get().remove(accountId);
			this.redis.execute(RELEASE, List.of(key), token);
		}
	}

}
