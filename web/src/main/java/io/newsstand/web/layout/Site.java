package io.newsstand.web.layout;

import io.newsstand.web.settings.ReaderSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * What the layout shows on every page.
 *
 * @param paymentsSimulated
 *            show the sandbox banner
 * @param readerEmail
 *            the signed-in reader's address, or null for an anonymous reader
 * @param admin
 *            the reader may open the operator pages
 * @param csrfParameter
 *            the sign-out form's CSRF field name (only for signed-in readers,
 *            so that anonymous pages never mint a token)
 * @param csrfToken
 *            the sign-out form's CSRF token
 * @param returnTo
 *            this page's path, for the header's "Sign in" link to come back to
 * @param assets
 *            the fingerprinted URLs of static files
 * @param settings
 *            the reader's text size and theme (the defaults when anonymous)
 * @param deviceTag
 *            names the signed-in account to the service worker (a hash, not the
 *            id), which keeps saved articles only for that account; blank when
 *            anonymous
 */
public record Site(boolean paymentsSimulated, @Nullable String readerEmail, boolean admin,
		@Nullable String csrfParameter, @Nullable String csrfToken, String returnTo, Assets assets,
		ReaderSettings settings, String deviceTag) {

	/** The long-cached URL of a static file, e.g. {@code /css/site.css}. */
	public String asset(String path) {
		return this.assets.url(path);
	}

	public String signInHref() {
		return "/".equals(this.returnTo) || this.returnTo.startsWith("/signin") || this.returnTo.startsWith("/signup")
				|| this.returnTo.startsWith("/password-reset")
						? "/signin"
						: "/signin?next=" + URLEncoder.encode(this.returnTo, StandardCharsets.UTF_8);
	}

	public boolean signedIn() {
		return this.readerEmail != null;
	}

}
