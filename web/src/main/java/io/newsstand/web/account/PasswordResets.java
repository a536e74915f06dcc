package io.newsstand.web.account;

import io.newsstand.web.config.WebProperties;
import io.newsstand.web.mail.MailMessage;
import io.newsstand.web.mail.Mailer;
import io.newsstand.web.mail.PublicUrl;
import io.newsstand.web.redis.WebKeys;
import io.newsstand.web.security.Hashes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Single-use, expiring password-reset links. Redis holds the SHA-256 of each
 * token with the account and the expiry; redeeming is one GETDEL, so a link
 * works exactly once even when clicked twice at the same moment. Each account
 * keeps the set of its links, so a new password revokes every other one.
 * <p>
 * A request for an address takes the same steps whether or not an account uses
 * it (look-up, count, mint and store a link, hand the e-mail to the mailer,
 * which sends in the background), so neither the answer nor its time tells who
 * reads Newsstand. Only the e-mail is left out for an unknown address (its link
 * belongs to no account and expires unused).
 */
@Component
class PasswordResets {

	private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter
			.ofPattern("HH:mm 'UTC on' d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

	private static final String UNKNOWN = "unknown-";

	private final StringRedisTemplate redis;

	private final AccountStore store;

	private final PasswordResetLimit limit;

	private final Mailer mailer;

	private final PublicUrl publicUrl;

	private final Clock clock;

	private final Duration ttl;

	PasswordResets(StringRedisTemplate redis, AccountStore store, PasswordResetLimit limit, Mailer mailer,
			PublicUrl publicUrl, Clock clock, WebProperties properties) {
		this.redis = redis;
		this.store = store;
		this.limit = limit;
		this.mailer = mailer;
		this.publicUrl = publicUrl;
		this.clock = clock;
		this.ttl = properties.passwordResetTtl();
	}

	record Issued(String token, Instant expiresAt) {
	}

	/** "Forgot your password?" for an address (already checked for shape). */
	void request(String email) {
		// An unknown address is handled as an account that does not exist: same
		// reads, same writes, no e-mail.
		String id = this.store.idForEmail(email)
				.orElseGet(() -> UNKNOWN + Hashes.sha256(AccountStore.normalise(email)));
		Optional<Account> account = this.store.findById(id);
		boolean mayMail = this.limit.mayMail(id);
		Issued link = issue(id);
		if (account.isPresent() && !mayMail) {
			log.info("Password reset for account {} not e-mailed: its hourly limit is reached", id);
		}
		this.mailer.sendInBackground(account.filter(unused -> mayMail)
				.map(reader -> new MailMessage(reader.email(), "Choose a new Newsstand password", """
						Someone (we hope you) asked to reset the password of your Newsstand account.

						Choose a new password here:
						%s

						The link works once, until %s. If you did not ask for this, ignore this e-mail:
						your password stays as it is.
						""".formatted(this.publicUrl.resolve("/password-reset/" + link.token()),
						TIME.format(link.expiresAt()))))
				.orElse(null));
	}

	Issued issue(String accountId) {
		String token = Hashes.newSecret();
		String hash = Hashes.sha256(token);
		Instant expiresAt = this.clock.instant().plus(this.ttl);
		this.redis.opsForValue().set(WebKeys.passwordReset(hash), accountId + " " + expiresAt.toEpochMilli(), this.ttl);
		String links = WebKeys.accountResets(accountId);
		this.redis.opsForSet().add(links, hash);
		this.redis.expire(links, this.ttl);
		return new Issued(token, expiresAt);
	}

	/** The account of a link that still works, without using it up. */
	Optional<String> peek(String token) {
		return valid(this.redis.opsForValue().get(WebKeys.passwordReset(Hashes.sha256(token))));
	}

	/** Uses the link up; the account when it still worked. */
	Optional<String> redeem(String token) {
		String hash = Hashes.sha256(token);
		Optional<String> account = valid(this.redis.opsForValue().getAndDelete(WebKeys.passwordReset(hash)));
		account.ifPresent(id -> this.redis.opsForSet().remove(WebKeys.accountResets(id), hash));
		return account;
	}

	/** Revokes every link of the account that may still work. */
	void revokeAll(String accountId) {
		String links = WebKeys.accountResets(accountId);
		Set<String> hashes = this.redis.opsForSet().members(links);
		if (hashes != null && !hashes.isEmpty()) {
			this.redis.delete(hashes.stream().map(WebKeys::passwordReset).toList());
		}
		this.redis.delete(links);
	}

	private Optional<String> valid(String stored) {
		if (stored == null) {
			return Optional.empty();
		}
		int space = stored.indexOf(' ');
		String account = stored.substring(0, space);
		Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(stored.substring(space + 1)));
		return (this.clock.instant().isBefore(expiresAt) && !account.startsWith(UNKNOWN))
				? Optional.of(account)
				: Optional.empty();
	}

}
