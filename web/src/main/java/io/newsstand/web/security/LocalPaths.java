package io.newsstand.web.security;

import org.jspecify.annotations.Nullable;

/**
 * Where a reader may be sent back to after signing in: only a path on this
 * site. Anything else ("//evil.example", "https://...", "/\\evil", control
 * characters) becomes the front page, so the return parameter cannot be used as
 * an open redirect.
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
		return true;
	}

}
