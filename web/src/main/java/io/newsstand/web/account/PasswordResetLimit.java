package io.newsstand.web.account;

import io.newsstand.web.config.WebProperties;
import io.newsstand.web.redis.WebKeys;
import io.newsstand.web.redis.WindowCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Keeps "forgot your password?" from becoming a way to flood someone's inbox or
 * to probe many addresses: a few e-mails per account and a few more requests
 * per client address in each window.
 */
@Component
class PasswordResetLimit {

	private final WindowCounter counters;

	private final Clock clock;

	private final WebProperties.PasswordResetRequests limits;

	PasswordResetLimit(WindowCounter counters, Clock clock, WebProperties properties) {
		this.counters = counters;
		this.clock = clock;
		this.limits = properties.passwordResetRequests();
	}

	/**
	 * Counts a request from {@code address}; null when it may go on, else when the
	 * address may ask again.
	 */
	@Nullable
	Instant requestFrom(String address) {
		long window = window();
		String key = WebKeys.passwordResetsForAddress(address, window);
		if (this.counters.count(key) >= this.limits.maxPerAddress()) {
			return Instant.ofEpochMilli((window + 1) * this.limits.window().toMillis());
		}
		this.counters.increment(key, this.limits.window());
		return null;
	}

	/** Counts an e-mail to the account; false once its limit is reached. */
	boolean mayMail(String accountId) {
		String key = WebKeys.passwordResetsForAccount(accountId, window());
		if (this.counters.count(key) >= this.limits.maxPerAccount()) {
			return false;
		}
		this.counters.increment(key, this.limits.window());
		return true;
	}

	long minutesUntil(Instant retryAt) {
		return Math.max(1, (Duration.between(this.clock.instant(), retryAt).toSeconds() + 59) / 60);
	}

	private long window() {
		return this.clock.millis() / this.limits.window().toMillis();
	}

}
