package io.newsstand.web.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.billing.PaidInvoice;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a paid invoice brings to each month's statement: a yearly plan 1/12 of
 * its net per month of its service period (the 12 shares add up to the net, for
 * generated invoices; a failure names its seed), a monthly one its whole net in
 * the month paid, a trial nothing; and a statement takes only its month's
 * share.
 */
class YearlySpreadTest {

	private static final Instant MARCH_14 = Instant.parse("2026-03-14T10:00:00Z");

	private static PaidInvoice yearly(long paid, long refunded, Long fee, Instant paidAt, Instant start) {
		return new PaidInvoice("in_y", "ana", "eur", paid, refunded, fee, paidAt, start,
				start.atOffset(ZoneOffset.UTC).plusYears(1).toInstant());
	}

	private static long sumOver(PaidInvoice invoice, YearMonth from, int months) {
		long sum = 0;
		for (int i = 0; i < months; i++) {
			sum += ServicePeriod.shareFor(from.plusMonths(i), invoice);
		}
		return sum;
	}

	@Test
	void aYearlyPaymentCountsOneTwelfthInEachMonthItPaysFor() {
		PaidInvoice invoice = yearly(9000, 0, 160L, MARCH_14, MARCH_14);
		// 8840 = 12 × 736 + 8: March to October take 737, November to February 736.
		assertThat(ServicePeriod.shareFor(YearMonth.of(2026, 3), invoice)).isEqualTo(737);
		assertThat(ServicePeriod.shareFor(YearMonth.of(2027, 2), invoice)).isEqualTo(736);
		assertThat(ServicePeriod.shareFor(YearMonth.of(2026, 2), invoice)).as("before").isZero();
		assertThat(ServicePeriod.shareFor(YearMonth.of(2027, 3), invoice)).as("after").isZero();
		assertThat(sumOver(invoice, YearMonth.of(2026, 3), 12)).isEqualTo(8840);
	}

	@Test
	void monthlyAndTrialInvoicesCountInTheMonthPaid() {
		PaidInvoice renewal = new PaidInvoice("in_m", "ana", "eur", 900, 0, 39L, Instant.parse("2026-02-02T09:00:00Z"),
				Instant.parse("2026-01-31T10:00:00Z"), Instant.parse("2026-02-28T10:00:00Z"));
		assertThat(ServicePeriod.shareFor(YearMonth.of(2026, 2), renewal)).as("paid late, counted when paid")
				.isEqualTo(861);
		assertThat(ServicePeriod.shareFor(YearMonth.of(2026, 1), renewal)).isZero();
		PaidInvoice trial = new PaidInvoice("in_t", "ana", "eur", 0, 0, null, MARCH_14, MARCH_14,
				MARCH_14.plusSeconds(14 * 86_400));
		assertThat(sumOver(trial, YearMonth.of(2026, 3), 12)).isZero();
		PaidInvoice unknown = new PaidInvoice("in_u", "ana", "eur", 900, 0, null, MARCH_14);
		assertThat(ServicePeriod.shareFor(YearMonth.of(2026, 3), unknown)).isEqualTo(900);
	}

	@Test
	void aRefundLowersTheMonthsStillToBeComputed() {
		PaidInvoice before = yearly(9000, 0, 160L, MARCH_14, MARCH_14);
		PaidInvoice after = yearly(9000, 1200, 160L, MARCH_14, MARCH_14);
		// 7640 = 12 × 636 + 8: each month's statement computed after the refund takes
		// 100 less.
		assertThat(ServicePeriod.shareFor(YearMonth.of(2026, 6), before)
				- ServicePeriod.shareFor(YearMonth.of(2026, 6), after)).isEqualTo(100);
		assertThat(sumOver(after, YearMonth.of(2026, 3), 12)).isEqualTo(7640);
	}

	@Test
	void aStatementTakesOnlyItsMonthsShareOfAYearlyPayment() {
		StatementCalculator calculator = new StatementCalculator(new PayoutsProperties(
				PayoutsProperties.Weighting.READS, new BigDecimal("0.30"), Duration.ofHours(24), 1800, 13, 16));
		PaidInvoice invoice = yearly(9000, 0, 160L, MARCH_14, MARCH_14);
		List<LedgerEntry> ledger = List.of(new LedgerEntry("ana", "pub-a", 2, 0));
		Statement june = calculator.compute(YearMonth.of(2026, 6), List.of(invoice), ledger, false, MARCH_14);
		assertThat(june.currencies()).singleElement().satisfies(total -> assertThat(total.net()).isEqualTo(737));
		assertThat(june.members()).singleElement().satisfies(share -> assertThat(share.net()).isEqualTo(737));
	}

	static LongStream seeds() {
		return LongStream.range(0, 1_000);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void theTwelveMonthlySharesOfAYearlyPaymentAddUpToItsNet(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		long paid = switch (random.nextInt(5)) {
			case 0 -> 0;
			case 1 -> random.nextInt(30);
			default -> random.nextLong(10_000_000);
		};
		long refunded = random.nextBoolean() ? 0 : random.nextLong(paid + 1);
		Long fee = random.nextBoolean() ? null : (Long) random.nextLong(paid / 10 + 1);
		Instant start = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(random.nextLong(10L * 365 * 86_400));
		// Paid on time, or late after retries (up to two months).
		Instant paidAt = start.plusSeconds(random.nextBoolean() ? 0 : random.nextLong(62L * 86_400));
		PaidInvoice invoice = yearly(paid, refunded, fee, paidAt, start);
		YearMonth first = YearMonth.from(start.atOffset(ZoneOffset.UTC)).minusMonths(1);
		assertThat(sumOver(invoice, first, 15)).as("seed %d", seed).isEqualTo(invoice.net());
		for (int i = 0; i < 15; i++) {
			assertThat(ServicePeriod.shareFor(first.plusMonths(i), invoice)).as("seed %d", seed).isNotNegative();
		}
	}

}
