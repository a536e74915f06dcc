package io.newsstand.web.security;

import java.util.Set;

/**
 * What security needs to know of an account to sign its reader in: the port
 * through which security sees accounts without depending on the account package
 * (which depends on security).
 */
public interface SignInAccount {

	/** The role of operators. */
	String ADMIN = "ADMIN";

	String id();

	String email();

	String passwordHash();

	Set<String> roles();

}
