package io.newsstand.web.security;

import java.util.Locale;
import java.util.Optional;

/**
 * Finds the accounts readers sign in to; implemented by the account store.
 * Security asks through this port so that it stays below the account package.
 */
public interface AccountLookup {

	/**
	 * Lower-case and trimmed: the form in which addresses are compared and stored.
	 */
	static String normalise(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	Optional<? extends SignInAccount> findById(String id);

	Optional<? extends SignInAccount> findByEmail(String email);

	/** The id of the account using the address, without reading the account. */
	Optional<String> idForEmail(String email);

}
