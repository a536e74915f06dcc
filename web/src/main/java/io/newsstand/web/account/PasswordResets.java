package io.newsstand.web.account;

import io.newsstand.web.layout.WebProperties;
import io.newsstand.web.redis.WebKeys;
import io.newsstand.web.security.Hashes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Single-use, expiring password-reset links. Redis holds the SHA-256 of each
 * token with the account and the expiry; redeeming is one GETDEL, so a link
 * works exactly once even when clicked twice at the same moment.
 */
@Component
class PasswordResets {

	private final StringRedisTemplate redis;

	private final Clock clock;

	private final Duration ttl;

	PasswordResets(StringRedisTemplate redis, Clock clock, WebProperties properties) {
		this.redis = redis;
		this.clock = clock;
		this.ttl = properties.passwordResetTtl();
	}

	record Issued(String token, Instant expiresAt) {
	}

	Issued issue(String accountId) {
		String token = Hashes.newSecret();
		Instant expiresAt = this.clock.instant().plus(this.ttl);
		this.redis.opsForValue().set(WebKeys.passwordReset(Hashes.sha256(token)),
				accountId + " " + expiresAt.toEpochMilli(), this.ttl);
		return new Issued(token, expiresAt);
	}

	/** The account of a link that still works, without using it up. */
	Optional<String> peek(String token) {
		return valid(this.redis.opsForValue().get(WebKeys.passwordReset(Hashes.sha256(token))));
	}

	/** Uses the link up; the account when it still worked. */
	Optional<String> redeem(String token) {
		return valid(this.redis.opsForValue().getAndDelete(WebKeys.passwordReset(Hashes.sha256(token))));
	}

	private Optional<String> valid(String stored) {
		if (stored == null) {
			return Optional.empty();
		}
		int space = stored.indexOf(' ');
		Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(stored.substring(space + 1)));
		return this.clock.instant().isBefore(expiresAt) ? Optional.of(stored.substring(0, space)) : Optional.empty();
	}

}
