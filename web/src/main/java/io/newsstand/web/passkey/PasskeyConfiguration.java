package io.newsstand.web.passkey;

import io.newsstand.web.config.WebProperties;
import io.newsstand.web.mail.PublicUrl;
import io.newsstand.web.startup.InvalidSettingException;
import java.net.URI;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * The relying party: its id and the origins its pages come from, configured or
 * derived from the public URL, so that the zero-config run works at
 * {@code http://localhost:<port>}. Spring Security's WebAuthn configurer picks
 * up this bean and the Redis repositories.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

	@Bean
	Webauthn4JRelyingPartyOperations relyingPartyOperations(RedisPasskeys passkeys, RedisPasskeyUsers users,
			PasskeyProperties properties, PublicUrl publicUrl, WebProperties web) {
		String rpId = rpId(properties, web);
		return new Webauthn4JRelyingPartyOperations(users, passkeys,
				PublicKeyCredentialRpEntity.builder().id(rpId).name(properties.rpName()).build(),
				allowedOrigins(properties, publicUrl));
	}

	/**
	 * Read from the configured public URL, not from the running server: the id is a
	 * host name, known before the server listens ({@code localhost} when no public
	 * URL is configured).
	 */
	static String rpId(PasskeyProperties properties, WebProperties web) {
		if (properties.rpId() != null && !properties.rpId().isBlank()) {
			return properties.rpId().strip();
		}
		URI publicUrl = web.publicUrl();
		if (publicUrl == null) {
			return "localhost";
		}
		String host = publicUrl.getHost();
		if (host == null || host.isBlank()) {
			throw new InvalidSettingException("newsstand.web.passkeys.rp-id",
					"is blank and newsstand.web.public-url (" + publicUrl + ") has no host to take it from",
					"Set NEWSSTAND_WEB_PASSKEYS_RPID to the domain readers see in the address bar.");
		}
		return host;
	}

	/**
	 * Configured origins as given; otherwise the public URL's origin, read on each
	 * ceremony, because without a configured public URL it names the server's port,
	 * which is known only once the server listens (Spring Security's relying party
	 * reads the set it was given on every ceremony).
	 */
	static Set<String> allowedOrigins(PasskeyProperties properties, PublicUrl publicUrl) {
		if (!properties.allowedOrigins().isEmpty()) {
			return Set.copyOf(properties.allowedOrigins());
		}
		return new AbstractSet<>() {

			@Override
			public Iterator<String> iterator() {
				return Set.of(origin(publicUrl)).iterator();
			}

			@Override
			public int size() {
				return 1;
			}

		};
	}

	private static String origin(PublicUrl publicUrl) {
		URI uri = URI.create(publicUrl.resolve("/"));
		return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
	}

}
