package io.newsstand.web.config;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the reader-facing web layer.
 *
 * @param paymentsSimulated
 *            shows the "Payments are simulated" banner on every page; unset, it
 *            is shown exactly when billing runs against its Stripe sandbox (no
 *            secret key configured)
 * @param publicUrl
 *            the address readers use, for links in e-mails; blank means
 *            {@code http://localhost:<port>}. Never taken from the request's
 *            Host header, which an attacker controls.
 * @param rememberMe
 *            how long "remember me" keeps a reader signed in
 * @param passwordResetTtl
 *            how long a password-reset link works
 * @param apiTokenTtl
 *            how long an API bearer token works
 * @param signIn
 *            sign-in rate limits
 * @param sessionTouchInterval
 *            how stale a session's last-access time may get before a request
 *            writes it back to Redis (requests that change nothing else cost
 *            one Redis read until then)
 * @param passwordResetRequests
 *            limits on "forgot your password?" requests
 */
@ConfigurationProperties("newsstand.web")
public record WebProperties(@Nullable Boolean paymentsSimulated, @Nullable URI publicUrl,
		@DefaultValue("30d") Duration rememberMe, @DefaultValue("1h") Duration passwordResetTtl,
		@DefaultValue("30d") Duration apiTokenTtl, @DefaultValue SignIn signIn,
		@DefaultValue("5m") Duration sessionTouchInterval, @DefaultValue PasswordResetRequests passwordResetRequests) {

	/**
	 * Failed sign-ins allowed in one window before further attempts are refused
	 * with a message saying when to try again.
	 */
	public record SignIn(@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("20") int maxFailuresPerAddress,
			@DefaultValue("15m") Duration window) {
	}

	/**
	 * Password-reset requests allowed in one window: past the account's limit no
	 * further e-mail goes out (the page says the same, so it reveals nothing about
	 * the address); past the address's limit the form asks to wait.
	 */
	public record PasswordResetRequests(@DefaultValue("3") int maxPerAccount, @DefaultValue("10") int maxPerAddress,
			@DefaultValue("1h") Duration window) {
	}

}
