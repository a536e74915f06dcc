package io.newsstand.web.security;

import io.newsstand.web.config.WebProperties;
import io.newsstand.web.limits.ClientAddress;
import io.newsstand.web.redis.WebKeys;
import io.newsstand.web.redis.WindowCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per client address in fixed windows
 * (keys named by window, expiring with it) and refuses further attempts once a
 * limit is reached, saying until when. A success clears the account's count.
 * <p>
 * An account has one count whatever names it: its e-mail in any case, or its id
 * (which the user-details service also accepts). An identifier that names no
 * account is counted on its own, normalised.
 */
@Component
public class SignInThrottle {

	private final WindowCounter counters;

	private final AccountLookup accounts;

	private final Clock clock;

	private final WebProperties.SignIn limits;

	SignInThrottle(WindowCounter counters, AccountLookup accounts, Clock clock, WebProperties properties) {
		this.counters = counters;
		this.accounts = accounts;
		this.clock = clock;
		this.limits = properties.signIn();
	}

	/** Whether another attempt may be made. */
	public sealed interface Decision {
	}

	public record Allowed() implements Decision {
	}

	/**
	 * Refused until {@code retryAt}; {@code byAccount} tells whether the account's
	 * limit or the address's limit was reached.
	 */
	public record Refused(Instant retryAt, boolean byAccount) implements Decision {

		public long minutesLeft(Instant now) {
			return Math.max(1, (Duration.between(now, this.retryAt).toSeconds() + 59) / 60);
		}

	}

	public Decision check(String email, String address) {
		long window = window();
		if (this.counters.count(accountKey(email, window)) >= this.limits.maxFailuresPerAccount()) {
			return new Refused(windowEnd(window), true);
		}
		if (this.counters.count(addressKey(address, window)) >= this.limits.maxFailuresPerAddress()) {
			return new Refused(windowEnd(window), false);
		}
		return new Allowed();
	}

	public void failed(String email, String address) {
		long window = window();
		this.counters.increment(accountKey(email, window), this.limits.window());
		this.counters.increment(addressKey(address, window), this.limits.window());
	}

	public void succeeded(String email) {
		this.counters.clear(accountKey(email, window()));
	}

	Instant now() {
		return this.clock.instant();
	}

	private long window() {
		return this.clock.millis() / this.limits.window().toMillis();
	}

	private Instant windowEnd(long window) {
		return Instant.ofEpochMilli((window + 1) * this.limits.window().toMillis());
	}

	/**
	 * The address's count is the client's, as every per-address limit counts it
	 * ({@link ClientAddress}): an IPv6 subscriber holds a whole /64, and one count
	 * per address would give them 2^64 budgets of guesses.
	 */
	private static String addressKey(String address, long window) {
		return WebKeys.signInFailuresForAddress(ClientAddress.of(address), window);
	}

	private String accountKey(String identifier, long window) {
		String normalised = AccountLookup.normalise(identifier);
		String account = (normalised.contains("@")
				? this.accounts.idForEmail(normalised)
				: this.accounts.findById(normalised).map(found -> found.id())).map(id -> "account " + id)
				.orElse("unknown " + normalised);
		return WebKeys.signInFailuresForAccount(Hashes.sha256(account), window);
	}

}
