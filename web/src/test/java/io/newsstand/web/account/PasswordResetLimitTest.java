package io.newsstand.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.testing.RedisExtension;
import io.newsstand.testing.SettableClock;
import io.newsstand.web.config.WebProperties;
import io.newsstand.web.redis.WindowCounter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

@ExtendWith(RedisExtension.class)
class PasswordResetLimitTest {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T09:10:00Z"));

	private PasswordResetLimit limit;

	@BeforeEach
	void setUp(StringRedisTemplate redis) {
		WebProperties properties = new WebProperties(Boolean.TRUE, null, Duration.ofDays(30), Duration.ofHours(1),
				Duration.ofDays(30), new WebProperties.SignIn(5, 20, Duration.ofMinutes(15)), Duration.ofMinutes(5),
				new WebProperties.PasswordResetRequests(2, 3, Duration.ofHours(1)));
		this.limit = new PasswordResetLimit(new WindowCounter(redis), this.clock, properties);
	}

	@Test
	void anAddressMayAskAFewTimesAnHourThenIsToldWhenToComeBack() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.limit.requestFrom("10.0.0.7")).isNull();
		}
		Instant retryAt = this.limit.requestFrom("10.0.0.7");
		assertThat(retryAt).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
		assertThat(this.limit.minutesUntil(retryAt)).isEqualTo(50);
		assertThat(this.limit.requestFrom("10.0.0.8")).as("another address").isNull();
		this.clock.advance(Duration.ofMinutes(50));
		assertThat(this.limit.requestFrom("10.0.0.7")).as("the next window").isNull();
	}

	@Test
	void anAccountIsMailedAtMostItsLimitPerWindow() {
		assertThat(this.limit.mayMail("acc-1")).isTrue();
		assertThat(this.limit.mayMail("acc-1")).isTrue();
		assertThat(this.limit.mayMail("acc-1")).isFalse();
		assertThat(this.limit.mayMail("acc-2")).isTrue();
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.limit.mayMail("acc-1")).isTrue();
	}

}
