package io.newsstand.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstand.testing.RedisExtension;
import io.newsstand.testing.SettableClock;
import io.newsstand.web.account.AccountStore;
import io.newsstand.web.config.WebProperties;
import io.newsstand.web.redis.WindowCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;

/**
 * A sign-in that Redis did not answer is an outage (the store-unavailable
 * answer: 503, try again), never "wrong e-mail or password", and it is not
 * counted against the reader by the throttle. A crash-and-restart test once met
 * exactly this: a slow first command after a restart was answered 401.
 */
@ExtendWith(RedisExtension.class)
class SignInDuringOutageTest {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T09:00:00Z"));

	private final String email = "reader-" + UUID.randomUUID() + "@example.com";

	private SignInThrottle throttle;

	private boolean redisAnswers;

	@BeforeEach
	void setUp(StringRedisTemplate redis) {
		WebProperties properties = new WebProperties(Boolean.TRUE, null, Duration.ofDays(30), Duration.ofHours(1),
				Duration.ofDays(30), new WebProperties.SignIn(3, 5, Duration.ofMinutes(15)), Duration.ofMinutes(5),
				new WebProperties.PasswordResetRequests(3, 10, Duration.ofHours(1)));
		this.throttle = new SignInThrottle(new WindowCounter(redis), new AccountStore(redis), this.clock, properties);
		this.redisAnswers = true;
	}

	@Test
	void anAccountLookupThatTimesOutIsAnOutageAndNotCountedAsAFailure() {
		ThrottledAuthenticationProvider provider = provider();
		this.redisAnswers = false;
		for (int i = 0; i < 5; i++) {
			assertThatThrownBy(() -> provider.authenticate(attempt("the right password")))
					.isInstanceOf(DataAccessException.class).hasRootCauseInstanceOf(QueryTimeoutException.class);
		}
		assertThat(this.throttle.check(this.email, "10.0.0.1")).as("five outages are no failures")
				.isInstanceOf(SignInThrottle.Allowed.class);

		this.redisAnswers = true;
		assertThat(provider.authenticate(attempt("the right password")).isAuthenticated()).isTrue();
	}

	@Test
	void aWrongPasswordIsStillRefusedAndCounted() {
		ThrottledAuthenticationProvider provider = provider();
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> provider.authenticate(attempt("a wrong password")))
					.isInstanceOf(BadCredentialsException.class);
		}
		assertThat(this.throttle.check(this.email, "10.0.0.1")).isInstanceOf(SignInThrottle.Refused.class);
	}

	@Test
	void theSignInFormAnswersAnOutageAsAnOutageNotAsAWrongPassword() throws Exception {
		SignInFailureHandler handler = new SignInFailureHandler(this.clock);
		MockHttpServletResponse response = new MockHttpServletResponse();
		var outage = new InternalAuthenticationServiceException("lookup failed",
				new RedisConnectionFailureException("Unable to connect to Redis"));
		assertThatThrownBy(
				() -> handler.onAuthenticationFailure(new MockHttpServletRequest("POST", "/signin"), response, outage))
				.isInstanceOf(DataAccessException.class);
		assertThat(response.getRedirectedUrl()).isNull();

		MockHttpServletResponse refused = new MockHttpServletResponse();
		handler.onAuthenticationFailure(new MockHttpServletRequest("POST", "/signin"), refused,
				new BadCredentialsException("Bad credentials"));
		assertThat(refused.getRedirectedUrl()).isEqualTo("/signin?error=bad");
	}

	private ThrottledAuthenticationProvider provider() {
		UserDetailsService readers = username -> {
			if (!this.redisAnswers) {
				throw new QueryTimeoutException("Redis command timed out");
			}
			return User.withUsername(username).password("the right password").roles("READER").build();
		};
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(readers);
		passwords.setPasswordEncoder(NoOpPasswordEncoder.getInstance());
		return new ThrottledAuthenticationProvider(passwords, this.throttle);
	}

	private UsernamePasswordAuthenticationToken attempt(String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated(this.email, password);
	}

}
