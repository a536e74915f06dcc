package io.newsstand.web.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Finds a reader by e-mail (the sign-in form) or by account id (remember-me
 * cookies, which carry the id so that an e-mail change does not break them).
 * Addresses always contain an @, ids never do.
 */
@Component
class ReaderDetailsService implements UserDetailsService {

	private final AccountLookup accounts;

	ReaderDetailsService(AccountLookup accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		var account = username.contains("@") ? this.accounts.findByEmail(username) : this.accounts.findById(username);
		return account.map(Reader::of).orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

}
