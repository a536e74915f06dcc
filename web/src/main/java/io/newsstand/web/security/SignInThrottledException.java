package io.newsstand.web.security;

import java.io.Serial;
import org.springframework.security.authentication.AccountStatusException;

/**
 * Too many failed sign-ins; carries the throttle's decision so the page can say
 * until when.
 */
public class SignInThrottledException extends AccountStatusException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final transient SignInThrottle.Refused refused;

	SignInThrottledException(SignInThrottle.Refused refused) {
		super("Too many failed sign-ins");
		this.refused = refused;
	}

	public SignInThrottle.Refused refused() {
		return this.refused;
	}

}
