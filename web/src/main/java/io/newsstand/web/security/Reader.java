package io.newsstand.web.security;

import java.io.Serial;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in reader as Spring Security holds it. Its user name is the
 * account id (stable across e-mail changes, and what remember-me cookies
 * carry); the address is kept for the page header.
 */
public final class Reader extends User {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String email;

	Reader(SignInAccount account) {
		super(account.id(), account.passwordHash(),
				account.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
		this.email = account.email();
	}

	public static Reader of(SignInAccount account) {
		return new Reader(account);
	}

	public String accountId() {
		return getUsername();
	}

	public String email() {
		return this.email;
	}

	public boolean admin() {
		return getAuthorities().contains(new SimpleGrantedAuthority("ROLE_" + SignInAccount.ADMIN));
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}
