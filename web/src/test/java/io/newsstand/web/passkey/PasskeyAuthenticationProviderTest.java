package io.newsstand.web.passkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.newsstand.web.account.Account;
import io.newsstand.web.security.Reader;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * After the WebAuthn checks pass, a passkey signs in only an account that the
 * password form would sign in, and as the same {@link Reader}.
 */
class PasskeyAuthenticationProviderTest {

	private final Bytes handle = Bytes.random();

	private final PublicKeyCredentialUserEntity user = ImmutablePublicKeyCredentialUserEntity.builder().id(this.handle)
			.name("reader@example.com").displayName("reader@example.com").build();

	private final WebAuthnRelyingPartyOperations relyingParty = mock(WebAuthnRelyingPartyOperations.class);

	private final RedisPasskeys passkeys = mock(RedisPasskeys.class);

	private final UserDetailsService readers = mock(UserDetailsService.class);

	private final PasskeyAuthenticationProvider provider = new PasskeyAuthenticationProvider(this.relyingParty,
			this.passkeys, this.readers);

	private WebAuthnAuthenticationRequestToken signIn() {
		RelyingPartyAuthenticationRequest request = mock(RelyingPartyAuthenticationRequest.class);
		@SuppressWarnings("unchecked")
		PublicKeyCredential<AuthenticatorAssertionResponse> credential = mock(PublicKeyCredential.class);
		when(credential.getId()).thenReturn("credential-1");
		when(request.getPublicKey()).thenReturn(credential);
		when(this.relyingParty.authenticate(any())).thenReturn(this.user);
		when(this.passkeys.accountOf(this.handle)).thenReturn(Optional.of("account-1"));
		return new WebAuthnAuthenticationRequestToken(request);
	}

	@Test
	void aPasskeySignsInTheSameReaderAsThePasswordForm() {
		WebAuthnAuthenticationRequestToken token = signIn();
		Reader reader = Reader.of(
				new Account("account-1", "reader@example.com", "{noop}x", Set.of(Account.READER), Instant.EPOCH, true));
		when(this.readers.loadUserByUsername("account-1")).thenReturn(reader);
		Authentication result = this.provider.authenticate(token);
		assertThat(result.isAuthenticated()).isTrue();
		assertThat(result.getPrincipal()).isSameAs(reader);
		assertThat(result.getName()).isEqualTo("account-1");
		assertThat(result.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("ROLE_READER",
				FactorGrantedAuthority.WEBAUTHN_AUTHORITY);
	}

	@Test
	void aDeletedAccountIsRefused() {
		WebAuthnAuthenticationRequestToken token = signIn();
		when(this.readers.loadUserByUsername("account-1")).thenThrow(new UsernameNotFoundException("No such account"));
		assertThatThrownBy(() -> this.provider.authenticate(token)).isInstanceOf(BadCredentialsException.class);
	}

	@Test
	void aLockedOrDisabledAccountIsRefusedAsThePasswordFormRefusesIt() {
		WebAuthnAuthenticationRequestToken token = signIn();
		when(this.readers.loadUserByUsername("account-1"))
				.thenReturn(User.withUsername("account-1").password("x").roles("READER").accountLocked(true).build());
		assertThatThrownBy(() -> this.provider.authenticate(token)).isInstanceOf(BadCredentialsException.class);
		when(this.readers.loadUserByUsername("account-1"))
				.thenReturn(User.withUsername("account-1").password("x").roles("READER").disabled(true).build());
		assertThatThrownBy(() -> this.provider.authenticate(token)).isInstanceOf(BadCredentialsException.class);
	}

	@Test
	void aUserHandleOfNoAccountIsRefused() {
		WebAuthnAuthenticationRequestToken token = signIn();
		when(this.passkeys.accountOf(this.handle)).thenReturn(Optional.empty());
		assertThatThrownBy(() -> this.provider.authenticate(token)).isInstanceOf(BadCredentialsException.class);
	}

	@Test
	void aFailedCeremonyIsRefused() {
		WebAuthnAuthenticationRequestToken token = signIn();
		when(this.relyingParty.authenticate(any())).thenThrow(new IllegalArgumentException("bad signature"));
		assertThatThrownBy(() -> this.provider.authenticate(token)).isInstanceOf(BadCredentialsException.class);
	}

	@Test
	void redisNotAnsweringDuringTheCeremonyIsAnOutageNotARefusedPasskey() {
		WebAuthnAuthenticationRequestToken token = signIn();
		when(this.relyingParty.authenticate(any())).thenThrow(new QueryTimeoutException("Redis command timed out"));
		assertThatThrownBy(() -> this.provider.authenticate(token)).isInstanceOf(QueryTimeoutException.class);
	}

	@Test
	void redisNotAnsweringWhenTheReaderIsLoadedIsAnOutageNotARefusedPasskey() {
		WebAuthnAuthenticationRequestToken token = signIn();
		when(this.readers.loadUserByUsername("account-1")).thenThrow(new InternalAuthenticationServiceException(
				"lookup failed", new RedisConnectionFailureException("Unable to connect")));
		assertThatThrownBy(() -> this.provider.authenticate(token)).isInstanceOf(DataAccessException.class);
	}

}
