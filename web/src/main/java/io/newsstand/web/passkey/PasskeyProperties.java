package io.newsstand.web.passkey;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WebAuthn relying party.
 *
 * @param rpId
 *            the domain passkeys are bound to (the page's host or a registrable
 *            suffix of it); blank: the host of
 *            {@code newsstand.web.public-url}, or {@code localhost}
 * @param rpName
 *            the name authenticators show beside the passkey
 * @param allowedOrigins
 *            the exact origins (scheme, host, port) sign-in pages are served
 *            from; empty: the origin of {@code newsstand.web.public-url}, or
 *            {@code http://localhost:<port>}
 */
@ConfigurationProperties("newsstand.web.passkeys")
record PasskeyProperties(@Nullable String rpId, @DefaultValue("Newsstand") String rpName,
		@DefaultValue List<String> allowedOrigins) {
}
