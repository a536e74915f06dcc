package io.newsstand.web.security;

import io.newsstand.web.redis.RedisFailures;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Asks the throttle before checking a password, and tells it how the check
 * went. When Redis does not answer, the sign-in fails as an outage (503, try
 * again), never as wrong credentials.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final SignInThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = authentication.getName();
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) ? details.getRemoteAddress() : "unknown";
		if (this.throttle.check(email, address) instanceof SignInThrottle.Refused refused) {
			throw new SignInThrottledException(refused);
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.throttle.succeeded(email);
			return result;
		} catch (AuthenticationException ex) {
			// Spring wraps a failed account lookup in an authentication exception: a Redis
			// that did not answer is not a wrong password, and is not counted as one.
			RedisFailures.rethrowIfUnavailable(ex);
			if (ex instanceof BadCredentialsException) {
				this.throttle.failed(email, address);
			}
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
