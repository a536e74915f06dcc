package io.newsstand.aggregator.internal.parse;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * URL attributes of feed HTML read as a browser reads them: control characters
 * dropped, a scheme recognised by RFC 3986's rules, relative URLs resolved
 * against the feed item's base, and only http(s) accepted as a base. The
 * sanitiser decides with these which links, pictures and embeds it keeps.
 */
final class SafeUrls {

	private SafeUrls() {
	}

	static boolean hasProtocol(String url, List<String> protocols) {
		for (String protocol : protocols) {
			if (url.length() > protocol.length() && url.charAt(protocol.length()) == ':'
					&& url.regionMatches(true, 0, protocol, 0, protocol.length())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The absolute form of a URL attribute, as a browser reads it: control
	 * characters removed, then resolved against the base.
	 *
	 * @return the URL, or {@code null} for a relative URL without a base or one
	 *         that cannot be resolved
	 */
	@SuppressWarnings("deprecation") // java.net.URL resolves as jsoup and browsers do; URI is stricter
	static @Nullable String resolve(@Nullable URL base, String raw) {
		String value = stripControlChars(raw).strip();
		if (hasScheme(value)) {
			// Absolute: the scheme decides. Lower-case it as the Cleaner's output did.
			int colon = value.indexOf(':');
			return value.substring(0, colon).toLowerCase(Locale.ROOT) + value.substring(colon);
		}
		if (base == null) {
			return null;
		}
		try {
			String relative = value.startsWith("?") ? base.getPath() + value : value;
			return new URL(base, relative).toExternalForm();
		} catch (MalformedURLException ex) {
			return null;
		}
	}

	/** An RFC 3986 scheme before the first ':' (and before any '/', '?', '#'). */
	private static boolean hasScheme(String value) {
		if (value.isEmpty() || !isAsciiLetter(value.charAt(0))) {
			return false;
		}
		for (int i = 1; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == ':') {
				return true;
			}
			if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
				return false;
			}
		}
		return false;
	}

	private static boolean isAsciiLetter(char c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
	}

	static String stripControlChars(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) < 0x20) {
				StringBuilder out = new StringBuilder(value.length());
				for (int j = 0; j < value.length(); j++) {
					char c = value.charAt(j);
					if (c >= 0x20) {
						out.append(c);
					}
				}
				return out.toString();
			}
		}
		return value;
	}

	@SuppressWarnings("deprecation")
	static @Nullable URL baseUrl(@Nullable String base) {
		if (base == null || base.isBlank()) {
			return null;
		}
		try {
			URL url = new URL(stripControlChars(base).strip());
			String protocol = url.getProtocol();
			return "http".equals(protocol) || "https".equals(protocol) ? url : null;
		} catch (MalformedURLException ex) {
			return null;
		}
	}

}
