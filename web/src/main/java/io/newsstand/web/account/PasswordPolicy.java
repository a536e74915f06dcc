package io.newsstand.web.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The password rule, after NIST SP 800-63B: at least 10 characters, not a
 * common password, not the reader's own address; no composition rules. At most
 * 72 bytes, because bcrypt reads no further.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 10;

	public static final int MAX_BYTES = 72;

	private final Set<String> common;

	PasswordPolicy() {
		this(load("common-passwords.txt"));
	}

	PasswordPolicy(Set<String> common) {
		this.common = common;
	}

	/**
	 * Says what is wrong with the password, in words for the reader, or empty when
	 * it is acceptable.
	 */
	public Optional<String> problem(String password, String email) {
		if (password.isEmpty()) {
			return Optional.of("Enter a password.");
		}
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("Use at least " + MIN_LENGTH + " characters.");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("Use at most " + MAX_BYTES + " bytes (about 70 letters).");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (this.common.contains(lower)) {
			return Optional.of("This password is one of the most common ones; choose another.");
		}
		String normalisedEmail = AccountStore.normalise(email);
		int at = normalisedEmail.indexOf('@');
		if (lower.equals(normalisedEmail) || (at > 0 && lower.equals(normalisedEmail.substring(0, at)))) {
			return Optional.of("Do not use your e-mail address as your password.");
		}
		return Optional.empty();
	}

	private static Set<String> load(String resource) {
		Set<String> passwords = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
					.map(line -> line.toLowerCase(Locale.ROOT)).forEach(passwords::add);
		} catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the common-password list " + resource, ex);
		}
		return Set.copyOf(passwords);
	}

}
