package io.newsstand.web.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstand.testing.RedisExtension;
import io.newsstand.web.redis.WindowCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

/** A member's looks at their payouts, limited per window. */
@ExtendWith(RedisExtension.class)
class PayoutViewLimitTest {

	/** 20 s into a one-minute window. */
	private static final Instant AT = Instant.parse("2026-11-14T10:00:20Z");

	@Test
	void pastTheLimitAViewWaitsForTheNextWindowAndOthersAreNotHeld(StringRedisTemplate redis) {
		String member = UUID.randomUUID().toString();
		PayoutViewLimit limit = new PayoutViewLimit(new WindowCounter(redis), Clock.fixed(AT, ZoneOffset.UTC),
				new PayoutViewLimitProperties(3, Duration.ofMinutes(1)));
		for (int view = 0; view < 3; view++) {
			assertThat(limit.take(member)).as("view " + (view + 1)).isNull();
		}
		assertThat(limit.take(member)).isEqualTo(40);
		assertThat(limit.take(member)).as("a refused view counts too").isEqualTo(40);
		assertThat(limit.take(UUID.randomUUID().toString())).as("another member").isNull();

		PayoutViewLimit nextWindow = new PayoutViewLimit(new WindowCounter(redis),
				Clock.fixed(AT.plusSeconds(40), ZoneOffset.UTC),
				new PayoutViewLimitProperties(3, Duration.ofMinutes(1)));
		assertThat(nextWindow.take(member)).isNull();
	}

	@Test
	void settingsOutOfRangeNameTheProperty() {
		assertThatThrownBy(() -> new PayoutViewLimitProperties(0, Duration.ofMinutes(1)))
				.hasMessageContaining("newsstand.payouts.view-limit.requests");
		assertThatThrownBy(() -> new PayoutViewLimitProperties(5, Duration.ofMillis(10)))
				.hasMessageContaining("newsstand.payouts.view-limit.window");
	}

}
