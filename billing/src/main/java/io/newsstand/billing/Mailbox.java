package io.newsstand.billing;

import java.util.Locale;
import java.util.Set;

/**
 * The mailbox an e-mail address delivers to, the one form in which the app
 * tells addresses apart where a person could otherwise take a second free trial
 * or a second meter: lower case, and for the common providers without
 * {@code +tags} (and without dots at Gmail), so that {@code A.nn+x@gmail.com}
 * and {@code ann@googlemail.com} are one mailbox.
 */
public final class Mailbox {

	/** Providers that ignore dots in the local part. */
	private static final Set<String> DOT_BLIND = Set.of("gmail.com", "googlemail.com");

	/** Providers that deliver {@code name+tag@} to {@code name@}. */
	private static final Set<String> PLUS_TAGS = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com",
			"live.com", "msn.com", "icloud.com", "me.com", "mac.com", "fastmail.com", "proton.me", "protonmail.com",
			"pm.me", "yahoo.com", "aol.com", "gmx.de", "gmx.net", "web.de", "posteo.de", "mailbox.org");

	private Mailbox() {
	}

	/** The canonical form of {@code email}'s mailbox. */
	public static String of(String email) {
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

}
