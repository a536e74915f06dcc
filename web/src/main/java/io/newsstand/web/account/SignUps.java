package io.newsstand.web.account;

import io.newsstand.web.mail.MailMessage;
import io.newsstand.web.mail.Mailer;
import io.newsstand.web.mail.PublicUrl;
import io.newsstand.web.redis.WebKeys;
import io.newsstand.web.redis.WindowCounter;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sign-up as the form and the API offer it. A client address may sign up a few
 * times a window. The answer is the same for a new address and a taken one, so
 * sign-up cannot tell who reads Newsstand: a new account gets a verification
 * link, the owner of a taken address an e-mail saying someone tried. Nobody is
 * signed in by signing up; the reader signs in after confirming the address.
 */
@Component
public class SignUps {

	private static final Logger log = LoggerFactory.getLogger(SignUps.class);

	private final AccountService accounts;

	private final EmailVerification verification;

	private final Mailer mailer;

	private final PublicUrl publicUrl;

	private final WindowCounter counters;

	private final Clock clock;

	private final SignUpProperties properties;

	SignUps(AccountService accounts, EmailVerification verification, Mailer mailer, PublicUrl publicUrl,
			WindowCounter counters, Clock clock, SignUpProperties properties) {
		this.accounts = accounts;
		this.verification = verification;
		this.mailer = mailer;
		this.publicUrl = publicUrl;
		this.counters = counters;
		this.clock = clock;
		this.properties = properties;
	}

	/** What a sign-up led to. */
	public sealed interface Result {
	}

	/**
	 * Accepted: "check your inbox" (whether the address was new or taken).
	 *
	 * @param email
	 *            the address as normalised
	 */
	public record Accepted(String email) implements Result {
	}

	/** Refused because of one field, with a message for the reader. */
	public record Refused(String field, String message) implements Result {
	}

	/** Too many sign-ups from this client address; it may try again then. */
	public record Throttled(Instant retryAt) implements Result {

		public long secondsLeft(Instant now) {
			return Math.max(1, retryAt.getEpochSecond() - now.getEpochSecond());
		}

	}

	public Result signUp(String email, String password, String clientAddress, String next) {
		long window = this.clock.millis() / this.properties.window().toMillis();
		String key = WebKeys.signUpsForAddress(clientAddress, window);
		if (this.counters.count(key) >= this.properties.maxPerAddress()) {
			log.info("Sign-up from {} refused: {} sign-ups this window", clientAddress, this.counters.count(key));
			return new Throttled(Instant.ofEpochMilli((window + 1) * this.properties.window().toMillis()));
		}
		// Counted when the form was filled in acceptably (a new or a taken address), so
		// a reader who mistypes a password a few times is not locked out.
		return switch (this.accounts.signUp(email, password)) {
			case AccountService.Done done -> {
				this.counters.increment(key, this.properties.window());
				this.verification.send(done.account(), next);
				yield new Accepted(done.account().email());
			}
			case AccountService.Refused refused -> new Refused(refused.field(), refused.message());
			case AccountService.EmailTaken taken -> {
				this.counters.increment(key, this.properties.window());
				this.accounts.findByEmail(taken.email()).ifPresent(this::tellTheOwner);
				yield new Accepted(taken.email());
			}
		};
	}

	private void tellTheOwner(Account owner) {
		if (!this.verification.mayMail(owner.id())) {
			return;
		}
		this.mailer.send(new MailMessage(owner.email(), "Your Newsstand account", """
				Someone (perhaps you) tried to create a Newsstand account with this address, which already has one.

				Sign in here:
				%s

				Forgot your password? Choose a new one here:
				%s

				If it was not you, ignore this e-mail: nothing has changed.
				""".formatted(this.publicUrl.resolve("/signin"), this.publicUrl.resolve("/password-reset"))));
	}

}
