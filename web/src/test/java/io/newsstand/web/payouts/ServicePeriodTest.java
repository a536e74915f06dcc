package io.newsstand.web.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A yearly payment spread over the twelve months it pays for, a monthly one
 * kept whole in its month; and, for generated amounts and periods (seeded, a
 * failure names its seed), the parts add up to the net to the cent.
 */
class ServicePeriodTest {

	private static final Instant MARCH_14 = Instant.parse("2026-03-14T10:00:00Z");

	@Test
	void aYearlyPaymentIsSpreadOverTwelveMonthsRemainderCentsFirst() {
		Map<YearMonth, Long> parts = ServicePeriod.parts(9005, MARCH_14, Instant.parse("2027-03-14T10:00:00Z"));
		assertThat(parts).hasSize(12);
		assertThat(parts.keySet()).first().isEqualTo(YearMonth.of(2026, 3));
		assertThat(parts.keySet()).last().isEqualTo(YearMonth.of(2027, 2));
		// 9005 = 12 × 750 + 5: the first five months take 751.
		assertThat(new ArrayList<>(parts.values())).containsExactly(751L, 751L, 751L, 751L, 751L, 750L, 750L, 750L,
				750L, 750L, 750L, 750L);
		assertThat(ServicePeriod.partFor(YearMonth.of(2027, 3), 9005, MARCH_14, Instant.parse("2027-03-14T10:00:00Z")))
				.as("after the period").isZero();
	}

	@Test
	void aMonthlyPaymentStaysWholeInItsMonth() {
		assertThat(
				ServicePeriod.parts(900, Instant.parse("2026-01-31T10:00:00Z"), Instant.parse("2026-02-28T10:00:00Z")))
				.containsExactly(Map.entry(YearMonth.of(2026, 1), 900L));
		assertThat(ServicePeriod.parts(900, MARCH_14, MARCH_14))
				.containsExactly(Map.entry(YearMonth.of(2026, 3), 900L));
	}

	@Test
	void aNegativeNetOrABackwardPeriodIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ServicePeriod.parts(-1, MARCH_14, MARCH_14));
		assertThatIllegalArgumentException()
				.isThrownBy(() -> ServicePeriod.parts(1, MARCH_14, MARCH_14.minusSeconds(1)));
	}

	static LongStream seeds() {
		return LongStream.range(0, 1_000);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void everyInvoicesPartsOverItsMonthsAddUpToItsNet(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		long net = switch (random.nextInt(6)) {
			case 0 -> 0;
			case 1 -> random.nextInt(12);
			case 2 -> 1_000_000_000_000L;
			default -> random.nextLong(10_000_000);
		};
		Instant start = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(random.nextLong(10L * 365 * 86_400));
		int months = random.nextBoolean() ? 12 : 1;
		Instant end = start.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
		Map<YearMonth, Long> parts = ServicePeriod.parts(net, start, end);
		assertThat(parts).as("seed %d", seed).hasSize(months);
		assertThat(parts.values().stream().mapToLong(Long::longValue).sum()).as("seed %d", seed).isEqualTo(net);
		List<Long> values = new ArrayList<>(parts.values());
		assertThat(values).as("seed %d: remainder cents go to the first months", seed)
				.isSortedAccordingTo(Comparator.reverseOrder())
				.allSatisfy(part -> assertThat(part).isNotNegative().isBetween(net / months, net / months + 1));
		long byMonth = 0;
		for (YearMonth month = YearMonth.from(start.atOffset(ZoneOffset.UTC)).minusMonths(1); month
				.isBefore(YearMonth.from(end.atOffset(ZoneOffset.UTC)).plusMonths(2)); month = month.plusMonths(1)) {
			byMonth += ServicePeriod.partFor(month, net, start, end);
		}
		assertThat(byMonth).as("seed %d: summed month by month", seed).isEqualTo(net);
	}

}
