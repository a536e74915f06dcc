package io.newsstand.web.account;

import io.newsstand.billing.Mailbox;

import io.newsstand.web.mail.MailMessage;
import io.newsstand.web.mail.Mailer;
import io.newsstand.web.mail.PublicUrl;
import io.newsstand.web.paywall.VerifiedReaders;
import io.newsstand.web.redis.WebKeys;
import io.newsstand.web.redis.WindowCounter;
import io.newsstand.web.security.Hashes;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Confirms that a reader reads mail at their account's address before the
 * monthly meter or a free trial applies to them: a single-use, expiring link
 * (stored as its SHA-256) is mailed to the address; following it marks the
 * account verified.
 * <p>
 * A mailbox confirms one account: {@code A.nn+x@gmail.com} and
 * {@code ann@gmail.com} are one mailbox ({@link Mailbox}), and the first
 * account to confirm it keeps it (even after moving to another address) until
 * that account is deleted. So new accounts on variants of one address never get
 * a meter or a trial of their own.
 */
@Component
public class EmailVerification implements VerifiedReaders {

	private static final Logger log = LoggerFactory.getLogger(EmailVerification.class);

	private static final int MAILS_PER_HOUR = 3;

	private final AccountStore store;

	private final StringRedisTemplate redis;

	private final Mailer mailer;

	private final PublicUrl publicUrl;

	private final WindowCounter counters;

	private final Clock clock;

	private final SignUpProperties properties;

	EmailVerification(AccountStore store, StringRedisTemplate redis, Mailer mailer, PublicUrl publicUrl,
			WindowCounter counters, Clock clock, SignUpProperties properties) {
		this.store = store;
		this.redis = redis;
		this.mailer = mailer;
		this.publicUrl = publicUrl;
		this.counters = counters;
		this.clock = clock;
		this.properties = properties;
	}

	/** What following a link led to. */
	public sealed interface Outcome {
	}

	/** The address is confirmed; {@code next} is where the reader was going. */
	public record Verified(Account account, String next) implements Outcome {
	}

	/** Unknown, used or expired, or the account has moved to another address. */
	public record Invalid() implements Outcome {
	}

	/** Another account already confirmed this mailbox (or a variant of it). */
	public record MailboxTaken(String email) implements Outcome {
	}

	@Override
	public boolean verified(String accountId) {
		return this.store.findById(accountId).map(Account::emailVerified).orElse(false);
	}

	/**
	 * Mails a link confirming the account's current address; false when the
	 * account's hourly limit of such e-mails is reached.
	 */
	public boolean send(Account account, String next) {
		if (!mayMail(account.id())) {
			return false;
		}
		String token = Hashes.newSecret();
		this.redis.opsForValue().set(WebKeys.emailVerification(Hashes.sha256(token)),
				account.id() + "\n" + account.email() + "\n" + next, this.properties.verificationTtl());
		this.mailer.send(new MailMessage(account.email(), "Confirm your e-mail address for Newsstand", """
				Someone (we hope you) created a Newsstand account with this address.

				Confirm the address to read free articles every month and to start your free trial:
				%s

				The link works once, for %d hours. If you did not create this account, ignore this e-mail.
				""".formatted(this.publicUrl.resolve("/verify-email/" + token),
				this.properties.verificationTtl().toHours())));
		return true;
	}

	/**
	 * Counts an e-mail about the account's address (a link, or "someone tried to
	 * sign up with your address"); false once its hourly limit is reached, so
	 * nobody can flood an inbox through the sign-up form.
	 */
	boolean mayMail(String accountId) {
		String counter = WebKeys.verificationMails(accountId, this.clock.millis() / 3_600_000);
		if (this.counters.increment(counter, Duration.ofHours(1)) > MAILS_PER_HOUR) {
			log.info("E-mail to account {} not sent: its hourly limit is reached", accountId);
			return false;
		}
		return true;
	}

	/** Uses a link up and confirms the address it was sent to. */
	public Outcome confirm(String token) {
		if (token.isEmpty() || token.length() > 100) {
			return new Invalid();
		}
		String stored = this.redis.opsForValue().getAndDelete(WebKeys.emailVerification(Hashes.sha256(token)));
		if (stored == null) {
			return new Invalid();
		}
		String[] parts = stored.split("\n", 3);
		Optional<Account> account = this.store.findById(parts[0]);
		if (account.isEmpty() || !account.get().email().equals(parts[1])) {
			return new Invalid();
		}
		if (!claimMailbox(account.get())) {
			log.info("Account {} confirmed an address whose mailbox another account confirmed first; not verified",
					account.get().id());
			return new MailboxTaken(account.get().email());
		}
		return new Verified(this.store.findById(parts[0]).orElseThrow(), (parts.length > 2) ? parts[2] : "/");
	}

	/**
	 * A password reset mailed to the address proves the reader reads it: the
	 * account counts as verified too (unless its mailbox belongs to another).
	 */
	void confirmedByReset(Account account) {
		if (!account.emailVerified()) {
			claimMailbox(account);
		}
	}

	/**
	 * Marks the account verified if its mailbox is free, already its own, or held
	 * by a deleted account.
	 */
	boolean claimMailbox(Account account) {
		String key = WebKeys.mailbox(Mailbox.of(account.email()));
		if (!Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(key, account.id()))) {
			String holder = this.redis.opsForValue().get(key);
			if (holder != null && !holder.equals(account.id()) && this.store.findById(holder).isPresent()) {
				return false;
			}
			this.redis.opsForValue().set(key, account.id());
		}
		this.store.markVerified(account.id(), this.clock.instant());
		return true;
	}

}
