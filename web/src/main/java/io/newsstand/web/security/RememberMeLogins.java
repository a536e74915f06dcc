package io.newsstand.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.CookieTheftException;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationException;

/**
 * Spring Security's persistent remember-me, with two ways of signing a reader
 * out that were not theirs to cause taken away.
 * <ul>
 * <li>Redis not answering while the cookie is checked or its token renewed: the
 * failure reaches the store-unavailable answer (503, try again) and the cookie
 * stays. Spring's version turned a failed renewal into "remember-me failed" and
 * cleared the cookie.</li>
 * <li>The token just replaced: a request sent alongside the one that renewed it
 * (a page and its pictures after the session expired), or one whose renewal
 * reached Redis while its answer was lost, presents the previous token. For
 * {@link RememberMeTokens#PREVIOUS_TOKEN_GRACE} that is the same login, and
 * gets the current cookie. Spring's version took it for a stolen cookie and
 * revoked every login of the account.</li>
 * </ul>
 * Any other token of a known series is still a stolen cookie.
 */
class RememberMeLogins extends PersistentTokenBasedRememberMeServices {

	private final RememberMeTokens tokens;

	private final Clock clock;

	RememberMeLogins(String key, UserDetailsService readers, RememberMeTokens tokens, Clock clock) {
		super(key, readers, tokens);
		this.tokens = tokens;
		this.clock = clock;
	}

	@Override
	protected UserDetails processAutoLoginCookie(String[] cookieTokens, HttpServletRequest request,
			HttpServletResponse response) {
		if (cookieTokens.length != 2) {
			throw new InvalidCookieException("The remember-me cookie holds " + cookieTokens.length + " parts, not 2");
		}
		String series = cookieTokens[0];
		String presented = cookieTokens[1];
		Instant now = this.clock.instant();
		RememberMeTokens.Login login = this.tokens.find(series)
				.orElseThrow(() -> new RememberMeAuthenticationException("No remember-me login for this cookie"));
		if (login.lastUsed().plusSeconds(getTokenValiditySeconds()).isBefore(now)) {
			throw new RememberMeAuthenticationException("The remember-me login has expired");
		}
		String current;
		if (same(presented, login.token())) {
			current = generateTokenData();
			this.tokens.rotate(series, presented, current, now);
		} else if (login.previous() != null && same(presented, login.previous())
				&& !now.isAfter(login.rotatedAt().plus(RememberMeTokens.PREVIOUS_TOKEN_GRACE))) {
			current = login.token();
		} else {
			this.tokens.revokeAll(login.account());
			throw new CookieTheftException("The remember-me cookie's token does not match its login: "
					+ "every remember-me login of the account is revoked");
		}
		setCookie(new String[]{series, current}, getTokenValiditySeconds(), request, response);
		return getUserDetailsService().loadUserByUsername(login.account());
	}

	private static boolean same(String presented, String stored) {
		return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
				stored.getBytes(StandardCharsets.UTF_8));
	}

}
