package io.newsstand.web.account;

import io.newsstand.web.security.SignInAccount;
import java.time.Instant;
import java.util.Set;

/**
 * A reader's account as stored.
 *
 * @param id
 *            stable id; never changes, even when the e-mail does
 * @param email
 *            the normalised e-mail address the reader signs in with
 * @param passwordHash
 *            the {@code DelegatingPasswordEncoder} hash, with its
 *            {@code {bcrypt}} prefix
 * @param roles
 *            {@code READER}, and {@code ADMIN} for operators
 * @param createdAt
 *            when the account was created
 * @param emailVerified
 *            the reader followed a link mailed to {@code email} (or reset the
 *            password through one); until then no free articles and no trial
 */
public record Account(String id, String email, String passwordHash, Set<String> roles, Instant createdAt,
		boolean emailVerified) implements SignInAccount {

	public static final String READER = "READER";

	public static final String ADMIN = SignInAccount.ADMIN;

	public boolean admin() {
		return this.roles.contains(ADMIN);
	}

}
