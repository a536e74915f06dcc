package io.newsstand.web.account;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the sign-up and change-e-mail forms accept as an address: one @, a
 * dotted domain, no spaces, at most 254 characters (RFC 5321's path limit).
 */
public final class EmailAddress {

	public static final int MAX_LENGTH = 254;

	private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

	/** Providers that ignore dots in the local part. */
	private static final Set<String> DOT_BLIND = Set.of("gmail.com", "googlemail.com");

	/**
	 * Providers that deliver {@code name+tag@} to {@code name@}. The same list as
	 * billing's trial ledger, which keys trials by the same canonical form.
	 */
	private static final Set<String> PLUS_TAGS = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com",
			"live.com", "msn.com", "icloud.com", "me.com", "mac.com", "fastmail.com", "proton.me", "protonmail.com",
			"pm.me", "yahoo.com", "aol.com", "gmx.de", "gmx.net", "web.de", "posteo.de", "mailbox.org");

	private EmailAddress() {
	}

	/**
	 * The mailbox an address delivers to: lower case, and for the common providers
	 * without {@code +tags} (and without dots at Gmail), so that
	 * {@code A.nn+x@gmail.com} and {@code ann@googlemail.com} are one mailbox.
	 */
	public static String mailbox(String email) {
		String address = email.strip().toLowerCase(Locale.ROOT);
		int at = address.lastIndexOf('@');
		if (at < 0) {
			return address;
		}
		String local = address.substring(0, at);
		String domain = address.substring(at + 1);
		if (domain.equals("googlemail.com")) {
			domain = "gmail.com";
		}
		if (PLUS_TAGS.contains(domain) && local.indexOf('+') > 0) {
			local = local.substring(0, local.indexOf('+'));
		}
		if (DOT_BLIND.contains(domain)) {
			local = local.replace(".", "");
		}
		return local + "@" + domain;
	}

	public static Optional<String> problem(String email) {
		String trimmed = email.strip();
		if (trimmed.isEmpty()) {
			return Optional.of("Enter your e-mail address.");
		}
		if (trimmed.length() > MAX_LENGTH) {
			return Optional.of("Use an address of at most " + MAX_LENGTH + " characters.");
		}
		if (!SHAPE.matcher(trimmed).matches()) {
			return Optional.of("Enter an address like name@example.com.");
		}
		return Optional.empty();
	}

}
