package io.newsstand.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstand.testing.RedisExtension;
import io.newsstand.testing.SettableClock;
import io.newsstand.web.config.WebProperties;
import io.newsstand.web.redis.WebKeys;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.rememberme.CookieTheftException;

/**
 * A remember-me cookie signs a reader in, is renewed at each use, and a stolen
 * one revokes every login of the account; neither Redis timing out nor a
 * request racing the renewal signs the reader out.
 */
@ExtendWith(RedisExtension.class)
class RememberMeLoginsTest {

	private static final String COOKIE = "newsstand-remember";

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T09:00:00Z"));

	private final String account = "account-" + UUID.randomUUID();

	private StringRedisTemplate redis;

	private RememberMeTokens tokens;

	@BeforeEach
	void setUp(StringRedisTemplate redis) {
		this.redis = redis;
		this.tokens = new RememberMeTokens(redis, properties());
	}

	@Test
	void aCookieSignsInAndItsTokenIsRenewed() {
		RememberMeLogins logins = logins(this.tokens);
		Cookie first = signIn(logins);
		MockHttpServletResponse response = new MockHttpServletResponse();
		Authentication reader = logins.autoLogin(withCookie(first), response);
		assertThat(reader).isNotNull();
		assertThat(reader.getName()).isEqualTo(this.account);
		Cookie renewed = response.getCookie(COOKIE);
		assertThat(renewed).isNotNull();
		assertThat(renewed.getValue()).isNotEqualTo(first.getValue());
		assertThat(logins.autoLogin(withCookie(renewed), new MockHttpServletResponse())).isNotNull();
	}

	@Test
	void theTokenJustReplacedSignsInForAMinuteWithTheCurrentCookieThenCountsAsStolen() {
		RememberMeLogins logins = logins(this.tokens);
		Cookie first = signIn(logins);
		MockHttpServletResponse renewing = new MockHttpServletResponse();
		assertThat(logins.autoLogin(withCookie(first), renewing)).isNotNull();
		String current = renewing.getCookie(COOKIE).getValue();

		// A picture requested alongside the page that renewed the token.
		this.clock.advance(Duration.ofSeconds(30));
		MockHttpServletResponse alongside = new MockHttpServletResponse();
		assertThat(logins.autoLogin(withCookie(first), alongside)).as("the previous token, 30 s later").isNotNull();
		assertThat(alongside.getCookie(COOKIE).getValue()).isEqualTo(current);

		this.clock.advance(Duration.ofSeconds(31));
		MockHttpServletResponse late = new MockHttpServletResponse();
		assertThatThrownBy(() -> logins.autoLogin(withCookie(first), late)).as("the previous token, 61 s later")
				.isInstanceOf(CookieTheftException.class);
		assertThat(late.getCookie(COOKIE).getMaxAge()).isZero();
		assertThat(this.redis.hasKey(WebKeys.accountRememberMe(this.account))).isFalse();
	}

	@Test
	void anUnknownTokenOfAKnownSeriesIsAStolenCookieAndRevokesEveryLogin() {
		RememberMeLogins logins = logins(this.tokens);
		Cookie mine = signIn(logins);
		Cookie otherDevice = signIn(logins);
		String series = new String(Base64.getDecoder().decode(mine.getValue())).split(":")[0];
		Cookie forged = new Cookie(COOKIE, Base64.getEncoder().encodeToString((series + ":forged").getBytes()));
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThatThrownBy(() -> logins.autoLogin(withCookie(forged), response))
				.isInstanceOf(CookieTheftException.class);
		assertThat(response.getCookie(COOKIE).getMaxAge()).isZero();
		assertThat(logins.autoLogin(withCookie(otherDevice), new MockHttpServletResponse())).isNull();
	}

	@Test
	void redisTimingOutOnTheRenewalIsAnOutageAndTheCookieStays() {
		Cookie cookie = signIn(logins(this.tokens));
		RememberMeTokens timingOut = new RememberMeTokens(this.redis, properties()) {
			@Override
			void rotate(String series, String presented, String next, Instant now) {
				// The renewal reaches Redis, its answer does not.
				super.rotate(series, presented, next, now);
				throw new QueryTimeoutException("Redis command timed out");
			}
		};
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThatThrownBy(() -> logins(timingOut).autoLogin(withCookie(cookie), response))
				.isInstanceOf(QueryTimeoutException.class);
		assertThat(response.getCookie(COOKIE)).as("no cookie cleared").isNull();

		// The reader's next request still carries the token the lost renewal
		// replaced.
		this.clock.advance(Duration.ofSeconds(5));
		MockHttpServletResponse next = new MockHttpServletResponse();
		assertThat(logins(this.tokens).autoLogin(withCookie(cookie), next)).isNotNull();
		assertThat(next.getCookie(COOKIE).getMaxAge()).isPositive();
	}

	@Test
	void redisAwayWhileTheCookieIsReadIsAnOutageAndTheCookieStays() {
		Cookie cookie = signIn(logins(this.tokens));
		RememberMeTokens away = new RememberMeTokens(this.redis, properties()) {
			@Override
			Optional<Login> find(String series) {
				throw new RedisConnectionFailureException("Connection refused");
			}
		};
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThatThrownBy(() -> logins(away).autoLogin(withCookie(cookie), response))
				.isInstanceOf(RedisConnectionFailureException.class);
		assertThat(response.getCookie(COOKIE)).isNull();
		assertThat(logins(this.tokens).autoLogin(withCookie(cookie), new MockHttpServletResponse())).isNotNull();
	}

	@Test
	void aRenewalDoesNotBringBackALoginRevokedMeanwhile() {
		RememberMeLogins logins = logins(this.tokens);
		Cookie cookie = signIn(logins);
		String series = new String(Base64.getDecoder().decode(cookie.getValue())).split(":")[0];
		this.tokens.revokeAll(this.account);
		this.tokens.rotate(series, "old", "new", this.clock.instant());
		assertThat(this.tokens.find(series)).isEmpty();
	}

	private Cookie signIn(RememberMeLogins logins) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/signin");
		request.setParameter("remember", "true");
		MockHttpServletResponse response = new MockHttpServletResponse();
		logins.loginSuccess(request, response, UsernamePasswordAuthenticationToken.authenticated(this.account, null,
				User.withUsername(this.account).password("x").roles("READER").build().getAuthorities()));
		Cookie cookie = response.getCookie(COOKIE);
		assertThat(cookie).as("the sign-in set a remember-me cookie").isNotNull();
		return cookie;
	}

	private static MockHttpServletRequest withCookie(Cookie cookie) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setCookies(new Cookie(COOKIE, cookie.getValue()));
		return request;
	}

	private RememberMeLogins logins(RememberMeTokens store) {
		RememberMeLogins logins = new RememberMeLogins("key",
				username -> User.withUsername(username).password("x").roles("READER").build(), store, this.clock);
		logins.setCookieName(COOKIE);
		logins.setParameter("remember");
		logins.setTokenValiditySeconds((int) Duration.ofDays(30).toSeconds());
		return logins;
	}

	private static WebProperties properties() {
		return new WebProperties(Boolean.TRUE, null, Duration.ofDays(30), Duration.ofHours(1), Duration.ofDays(30),
				new WebProperties.SignIn(3, 5, Duration.ofMinutes(15)), Duration.ofMinutes(5),
				new WebProperties.PasswordResetRequests(3, 10, Duration.ofHours(1)));
	}

}
