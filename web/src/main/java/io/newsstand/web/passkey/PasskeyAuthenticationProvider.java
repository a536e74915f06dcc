package io.newsstand.web.passkey;

import io.newsstand.web.redis.RedisFailures;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Passkey sign-in ends where password sign-in ends: the reader is loaded by
 * account id through the same {@code UserDetailsService} and checked the same
 * way (a deleted account has no reader; a locked or disabled one is refused),
 * and the result carries a {@code Reader} principal like a password sign-in's,
 * so every page and the session bookkeeping treat both alike.
 */
final class PasskeyAuthenticationProvider implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(PasskeyAuthenticationProvider.class);

	private final WebAuthnRelyingPartyOperations relyingParty;

	private final RedisPasskeys passkeys;

	private final UserDetailsService readers;

	private final AccountStatusUserDetailsChecker checks = new AccountStatusUserDetailsChecker();

	PasskeyAuthenticationProvider(WebAuthnRelyingPartyOperations relyingParty, RedisPasskeys passkeys,
			UserDetailsService readers) {
		this.relyingParty = relyingParty;
		this.passkeys = passkeys;
		this.readers = readers;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		var request = ((WebAuthnAuthenticationRequestToken) authentication).getWebAuthnRequest();
		String credentialId = request.getPublicKey().getId();
		PublicKeyCredentialUserEntity user;
		try {
			user = this.relyingParty.authenticate(request);
		} catch (RuntimeException ex) {
			// The ceremony reads the stored credential: a Redis that did not answer is
			// not a passkey that does not sign in here.
			RedisFailures.rethrowIfUnavailable(ex);
			log.warn("Passkey sign-in with credential {} refused: {}", credentialId, ex.getMessage());
			throw new BadCredentialsException("That passkey does not sign in here.", ex);
		}
		String accountId = this.passkeys.accountOf(user.getId()).orElseThrow(() -> {
			log.warn("Passkey sign-in with credential {} refused: its user handle has no account", credentialId);
			return new BadCredentialsException("That passkey does not sign in here.");
		});
		UserDetails reader;
		try {
			reader = this.readers.loadUserByUsername(accountId);
			this.checks.check(reader);
		} catch (AuthenticationException ex) {
			RedisFailures.rethrowIfUnavailable(ex);
			log.warn("Passkey sign-in of account {} with credential {} refused: {}", accountId, credentialId,
					ex.getMessage());
			throw new BadCredentialsException("That passkey does not sign in here.", ex);
		}
		List<GrantedAuthority> authorities = new ArrayList<>(reader.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
		return UsernamePasswordAuthenticationToken.authenticated(reader, null, authorities);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
	}

}
