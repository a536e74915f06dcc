package io.newsstand.web.paywall;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.testing.RedisExtension;
import io.newsstand.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

@ExtendWith(RedisExtension.class)
class PaywallTest {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-30T12:00:00Z"));

	private final Set<String> members = new HashSet<>();

	private final Set<String> unverified = new HashSet<>();

	private StringRedisTemplate redis;

	@BeforeEach
	void setUp(StringRedisTemplate redis) {
		this.redis = redis;
	}

	private Paywall paywall(int freeArticles) {
		return new Paywall(this.members::contains, new ReadingMeter(this.redis, this.clock),
				new PaywallProperties(0.25, freeArticles), account -> !this.unverified.contains(account));
	}

	private static String account() {
		return UUID.randomUUID().toString();
	}

	@Test
	void anonymousReadersGetTheTeaser() {
		assertThat(paywall(3).decide(new Reading(null, "a1", false)))
				.isEqualTo(new Access.Teaser(Access.TeaserReason.ANONYMOUS, -1));
	}

	@Test
	void freePublishersAreFullForEveryone() {
		assertThat(paywall(3).decide(new Reading(null, "a1", true)).full()).isTrue();
		assertThat(paywall(0).decide(new Reading(account(), "a1", true)))
				.isEqualTo(new Access.Full(Access.FullReason.FREE_PUBLISHER, -1));
	}

	@Test
	void membersReadInFullWithoutSpendingTheMeter() {
		String member = account();
		this.members.add(member);
		Paywall paywall = paywall(3);
		for (int i = 0; i < 10; i++) {
			assertThat(paywall.decide(new Reading(member, "a" + i, false)))
					.isEqualTo(new Access.Full(Access.FullReason.MEMBER, -1));
		}
		this.members.remove(member);
		assertThat(paywall.freeArticlesLeft(member)).isEqualTo(3);
	}

	@Test
	void aReaderWhoseAddressIsUnconfirmedGetsNoMeterUntilItIs() {
		String reader = account();
		this.unverified.add(reader);
		Paywall paywall = paywall(3);
		for (int i = 0; i < 4; i++) {
			assertThat(paywall.decide(new Reading(reader, "a" + i, false)))
					.isEqualTo(new Access.Teaser(Access.TeaserReason.UNVERIFIED, 0));
		}
		assertThat(paywall.freeArticlesLeft(reader)).isZero();
		this.unverified.remove(reader);
		assertThat(paywall.freeArticlesLeft(reader)).as("nothing was spent meanwhile").isEqualTo(3);
		assertThat(paywall.decide(new Reading(reader, "a1", false)))
				.isEqualTo(new Access.Full(Access.FullReason.METERED, 2));
	}

	@Nested
	class TheMeter {

		@Test
		void signedInReadersGetThreeFullArticlesAMonthThenTheTeaser() {
			String reader = account();
			Paywall paywall = paywall(3);
			assertThat(paywall.decide(new Reading(reader, "a1", false)))
					.isEqualTo(new Access.Full(Access.FullReason.METERED, 2));
			assertThat(paywall.decide(new Reading(reader, "a2", false)))
					.isEqualTo(new Access.Full(Access.FullReason.METERED, 1));
			assertThat(paywall.decide(new Reading(reader, "a3", false)))
					.isEqualTo(new Access.Full(Access.FullReason.METERED, 0));
			assertThat(paywall.decide(new Reading(reader, "a4", false)))
					.isEqualTo(new Access.Teaser(Access.TeaserReason.METER_EXHAUSTED, 0));
		}

		@Test
		void anArticleOpenedThisMonthStaysOpen() {
			String reader = account();
			Paywall paywall = paywall(1);
			paywall.decide(new Reading(reader, "a1", false));
			assertThat(paywall.decide(new Reading(reader, "a2", false)).full()).isFalse();
			assertThat(paywall.decide(new Reading(reader, "a1", false)))
					.isEqualTo(new Access.Full(Access.FullReason.METERED, 0));
		}

		@Test
		void theMeterStartsAgainNextMonth() {
			String reader = account();
			Paywall paywall = paywall(1);
			paywall.decide(new Reading(reader, "a1", false));
			assertThat(paywall.decide(new Reading(reader, "a2", false)).full()).isFalse();
			clock.advance(Duration.ofDays(2));
			assertThat(paywall.decide(new Reading(reader, "a2", false)).full()).isTrue();
			assertThat(paywall.freeArticlesLeft(reader)).isZero();
		}

		@Test
		void zeroTurnsTheMeterOff() {
			assertThat(paywall(0).decide(new Reading(account(), "a1", false)))
					.isEqualTo(new Access.Teaser(Access.TeaserReason.NOT_MEMBER, 0));
		}

		@Test
		void readersHaveMetersOfTheirOwn() {
			String first = account();
			String second = account();
			Paywall paywall = paywall(1);
			paywall.decide(new Reading(first, "a1", false));
			assertThat(paywall.decide(new Reading(second, "a2", false)).full()).isTrue();
			assertThat(paywall.freeArticlesLeft(first)).isZero();
		}

	}

}
