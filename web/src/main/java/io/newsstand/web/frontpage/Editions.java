package io.newsstand.web.frontpage;

import io.newsstand.web.account.AccountStore;
import io.newsstand.web.security.Reader;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Which edition a reader sees: the one asked for in the request, else the
 * profile's (signed-in readers), else the cookie's, else International. A
 * signed-in reader whose profile has none takes the cookie's onto the profile,
 * so a choice made before signing in (or up) carries over.
 */
@Component
public class Editions {

	static final String COOKIE = "newsstand-edition";

	private static final Duration COOKIE_AGE = Duration.ofDays(365);

	private final AccountStore accounts;

	Editions(AccountStore accounts) {
		this.accounts = accounts;
	}

	Edition resolve(HttpServletRequest request, @Nullable Reader reader, @Nullable String asked) {
		Optional<Edition> explicit = Edition.parse(asked);
		if (explicit.isPresent()) {
			return explicit.get();
		}
		Optional<Edition> cookie = Edition.parse(cookie(request));
		if (reader != null) {
			Optional<Edition> profile = this.accounts.edition(reader.accountId()).flatMap(Edition::parse);
			if (profile.isPresent()) {
				return profile.get();
			}
			cookie.ifPresent(edition -> this.accounts.updateEdition(reader.accountId(), edition.code()));
		}
		return cookie.orElse(Edition.INTERNATIONAL);
	}

	/**
	 * The edition the browser's cookie names (set by every switch, also for
	 * accounts), without a Redis read: for pages that show an edition's list on the
	 * side, such as the article page's top stories.
	 */
	public Edition ofBrowser(HttpServletRequest request) {
		return Edition.parse(cookie(request)).orElse(Edition.INTERNATIONAL);
	}

	/** The reader's edition from their profile only (the API has no cookies). */
	Edition ofAccount(@Nullable Reader reader, @Nullable String asked) {
		return Edition.parse(asked)
				.or(() -> (reader != null)
						? this.accounts.edition(reader.accountId()).flatMap(Edition::parse)
						: Optional.empty())
				.orElse(Edition.INTERNATIONAL);
	}

	void remember(Edition edition, HttpServletRequest request, HttpServletResponse response, @Nullable Reader reader) {
		if (reader != null) {
			this.accounts.updateEdition(reader.accountId(), edition.code());
		}
		response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, edition.code()).path("/")
				.maxAge(COOKIE_AGE).httpOnly(true).secure(request.isSecure()).sameSite("Lax").build().toString());
	}

	private static @Nullable String cookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	/** The edition switch's link for anonymous readers, coming back to the page. */
	public static String switchHref(Edition edition, String returnTo) {
		return "/edition/" + edition.code() + "?next=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8);
	}

	/** All editions, in the order the switch lists them. */
	public static Edition[] all() {
		return Edition.values();
	}

}
