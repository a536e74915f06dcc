package io.newsstand.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MembershipTest {

	private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

	@Test
	void daysLeftCountEveryDayBegun() {
		// A 14-day trial started a minute ago.
		assertThat(Membership.daysLeft(NOW, NOW.plus(Duration.ofDays(14)).minusSeconds(60))).isEqualTo(14);
		assertThat(Membership.daysLeft(NOW, NOW.plus(Duration.ofDays(14)))).isEqualTo(14);
		assertThat(Membership.daysLeft(NOW, NOW.plus(Duration.ofDays(3)).plusSeconds(1))).isEqualTo(4);
		assertThat(Membership.daysLeft(NOW, NOW.plus(Duration.ofHours(1)))).isEqualTo(1);
		assertThat(Membership.daysLeft(NOW, NOW)).isZero();
		assertThat(Membership.daysLeft(NOW, NOW.minusSeconds(5))).isZero();
	}

}
