package io.newsstand.web.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-up limits and e-mail verification.
 *
 * @param maxPerAddress
 *            sign-ups one client address may make in one window; more are
 *            answered 429 with {@code Retry-After}
 * @param window
 *            the window of that limit
 * @param verificationTtl
 *            how long an e-mail verification link works
 */
@ConfigurationProperties("newsstand.web.sign-up")
public record SignUpProperties(@DefaultValue("10") int maxPerAddress, @DefaultValue("1h") Duration window,
		@DefaultValue("48h") Duration verificationTtl) {
}
