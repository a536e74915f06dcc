package io.newsstand.web.passkey;

import java.util.List;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.WebAuthnConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Component;

/**
 * Adds passkeys to the site's filter chain ({@code http.webAuthn(passkeys)},
 * where security knows it only as a {@code Customizer}, so security does not
 * depend on this package): Spring Security's endpoints
 * ({@code /webauthn/register/options}, {@code /webauthn/register},
 * {@code /webauthn/authenticate/options}, {@code /login/webauthn}), our own
 * pages instead of the default ones, and a sign-in that behaves like the
 * password form's: the same account checks
 * ({@link PasskeyAuthenticationProvider}), a new session id and a new CSRF
 * token.
 */
@Component
public class PasskeySignIn implements Customizer<WebAuthnConfigurer<HttpSecurity>> {

	private final WebAuthnRelyingPartyOperations relyingParty;

	private final RedisPasskeys passkeys;

	private final UserDetailsService readers;

	private final CsrfTokenRepository csrfTokens;

	PasskeySignIn(WebAuthnRelyingPartyOperations relyingParty, RedisPasskeys passkeys, UserDetailsService readers,
			CsrfTokenRepository csrfTokens) {
		this.relyingParty = relyingParty;
		this.passkeys = passkeys;
		this.readers = readers;
		this.csrfTokens = csrfTokens;
	}

	@Override
	public void customize(WebAuthnConfigurer<HttpSecurity> webAuthn) {
		webAuthn.disableDefaultRegistrationPage(true).creationOptionsRepository(new SessionCreationOptions())
				.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {

					@Override
					public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationManager(
								new ProviderManager(new PasskeyAuthenticationProvider(PasskeySignIn.this.relyingParty,
										PasskeySignIn.this.passkeys, PasskeySignIn.this.readers)));
						filter.setSessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(
								List.of(new ChangeSessionIdAuthenticationStrategy(),
										new CsrfAuthenticationStrategy(PasskeySignIn.this.csrfTokens))));
						return filter;
					}

				});
	}

}
