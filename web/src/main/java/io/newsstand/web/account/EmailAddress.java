package io.newsstand.web.account;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the sign-up and change-e-mail forms accept as an address: one @, a
 * dotted domain, no spaces, at most 254 characters (RFC 5321's path limit).
 */
public final class EmailAddress {

	public static final int MAX_LENGTH = 254;

	private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

	private EmailAddress() {
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
