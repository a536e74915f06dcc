package io.newsstand.web.security;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where a reader may be sent back to after signing in: only a path on this
 * site. Anything else ("//evil.example", "https://...", "/\\evil", control
 * characters, dot segments such as "/.//evil.example", which a browser
 * normalises to "//evil.example") becomes the front page, so the return
 * parameter cannot be used as an open redirect.
 */
public final class LocalPaths {

	public static final int MAX_LENGTH = 512;

	private LocalPaths() {
	}

	public static String orFrontPage(@Nullable String path) {
		return isLocal(path) ? path : "/";
	}

	public static boolean isLocal(@Nullable String path) {
		if (path == null || path.isEmpty() || path.length() > MAX_LENGTH || path.charAt(0) != '/') {
			return false;
		}
		if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
			return false;
		}
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c < 0x21 || c == 0x7f || c == '\\') {
				return false;
			}
		}
		return !hasDotSegment(path);
	}

	/** A "." or ".." segment of the path, also percent-encoded ("%2e"). */
	private static boolean hasDotSegment(String path) {
		int end = path.length();
		for (int i = 0; i < path.length(); i++) {
			if (path.charAt(i) == '?' || path.charAt(i) == '#') {
				end = i;
				break;
			}
		}
		for (String segment : path.substring(0, end).split("/", -1)) {
			String decoded = segment.toLowerCase(Locale.ROOT).replace("%2e", ".");
			if (decoded.equals(".") || decoded.equals("..")) {
				return true;
			}
		}
		return false;
	}

}
