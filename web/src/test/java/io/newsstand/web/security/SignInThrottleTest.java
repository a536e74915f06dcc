package io.newsstand.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.testing.RedisExtension;
import io.newsstand.testing.SettableClock;
import io.newsstand.web.account.Account;
import io.newsstand.web.account.AccountStore;
import io.newsstand.web.config.WebProperties;
import io.newsstand.web.redis.WindowCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

@ExtendWith(RedisExtension.class)
class SignInThrottleTest {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T09:00:00Z"));

	private SignInThrottle throttle;

	private AccountStore accounts;

	@BeforeEach
	void setUp(StringRedisTemplate redis) {
		WebProperties properties = new WebProperties(Boolean.TRUE, null, Duration.ofDays(30), Duration.ofHours(1),
				Duration.ofDays(30), new WebProperties.SignIn(3, 5, Duration.ofMinutes(15)), Duration.ofMinutes(5),
				new WebProperties.PasswordResetRequests(3, 10, Duration.ofHours(1)));
		this.accounts = new AccountStore(redis);
		this.throttle = new SignInThrottle(new WindowCounter(redis), this.accounts, this.clock, properties);
	}

	@Test
	void anAccountIsPausedAfterItsLimitUntilTheWindowEnds() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.throttle.check("ann@example.com", "10.0.1.1")).isInstanceOf(SignInThrottle.Allowed.class);
			this.throttle.failed("ann@example.com", "10.0.1.1");
		}
		SignInThrottle.Decision decision = this.throttle.check("ANN@example.com", "10.0.1.2");
		assertThat(decision).isInstanceOfSatisfying(SignInThrottle.Refused.class, refused -> {
			assertThat(refused.byAccount()).isTrue();
			assertThat(refused.retryAt()).isEqualTo(Instant.parse("2026-03-02T09:15:00Z"));
			assertThat(refused.minutesLeft(this.clock.instant())).isEqualTo(15);
		});
		assertThat(this.throttle.check("bob@example.com", "10.0.1.1")).isInstanceOf(SignInThrottle.Allowed.class);
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(this.throttle.check("ann@example.com", "10.0.1.1")).isInstanceOf(SignInThrottle.Allowed.class);
	}

	@Test
	void anAddressIsPausedAfterFailuresAcrossAccounts() {
		for (int i = 0; i < 5; i++) {
			this.throttle.failed("reader" + i + "@example.com", "10.0.0.9");
		}
		assertThat(this.throttle.check("new@example.com", "10.0.0.9")).isInstanceOfSatisfying(
				SignInThrottle.Refused.class, refused -> assertThat(refused.byAccount()).isFalse());
		assertThat(this.throttle.check("new@example.com", "10.0.0.10")).isInstanceOf(SignInThrottle.Allowed.class);
	}

	@Test
	void oneIpv6SubscriberHasOneCountForTheirWhole64() {
		for (int i = 0; i < 5; i++) {
			this.throttle.failed("reader" + i + "@example.com", "2001:db8:1:2:" + Integer.toHexString(i + 1) + "::7");
		}
		assertThat(this.throttle.check("new@example.com", "2001:db8:1:2:ffff:ffff:ffff:ffff")).isInstanceOfSatisfying(
				SignInThrottle.Refused.class, refused -> assertThat(refused.byAccount()).isFalse());
		assertThat(this.throttle.check("new@example.com", "2001:db8:1:3::7"))
				.isInstanceOf(SignInThrottle.Allowed.class);
	}

	@Test
	void anAccountHasOneCountWhetherNamedByItsAddressOrItsId() {
		Account dee = this.accounts
				.create("dee@example.com", "{noop}x", Set.of(Account.READER), this.clock.instant(), true).orElseThrow();
		this.throttle.failed("dee@example.com", "10.0.3.1");
		this.throttle.failed(dee.id(), "10.0.3.2");
		this.throttle.failed(" DEE@example.com", "10.0.3.3");
		assertThat(this.throttle.check(dee.id(), "10.0.3.4")).isInstanceOfSatisfying(SignInThrottle.Refused.class,
				refused -> assertThat(refused.byAccount()).isTrue());
		assertThat(this.throttle.check("dee@example.com", "10.0.3.4")).isInstanceOf(SignInThrottle.Refused.class);
	}

	@Test
	void aSuccessClearsTheAccountsCount() {
		this.throttle.failed("cy@example.com", "10.0.2.1");
		this.throttle.failed("cy@example.com", "10.0.2.1");
		this.throttle.succeeded("cy@example.com");
		this.throttle.failed("cy@example.com", "10.0.2.1");
		this.throttle.failed("cy@example.com", "10.0.2.1");
		assertThat(this.throttle.check("cy@example.com", "10.0.2.1")).isInstanceOf(SignInThrottle.Allowed.class);
	}

}
