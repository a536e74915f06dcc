package io.newsstand.web.payouts;

import io.newsstand.billing.PaidInvoice;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spreads an invoice's net over the months it pays for (accrual): a yearly
 * invoice's service period ({@code period.start}..{@code period.end} of its
 * line) covers 12 months, and each month takes 1/12 of the net. The parts are
 * whole cents by largest remainder: every month gets {@code floor(net / n)} and
 * the {@code net mod n} cents left over go one each to the first months, so the
 * parts add up to the net exactly. A monthly invoice covers one month and stays
 * whole in the month its period starts.
 */
final class ServicePeriod {

	private ServicePeriod() {
	}

	/**
	 * How many months the period covers: whole months from start to end, at least
	 * one.
	 */
	static int months(Instant start, Instant end) {
		// Stripe's period end is the start of the next period; three days of slack
		// count a February or a period a few seconds short as a whole month.
		long months = ChronoUnit.MONTHS.between(start.atOffset(ZoneOffset.UTC),
				end.plus(Duration.ofDays(3)).atOffset(ZoneOffset.UTC));
		return (int) Math.max(1, months);
	}

	/**
	 * The net's part per month, in order from the month the period starts (UTC).
	 *
	 * @throws IllegalArgumentException
	 *             for a negative net or a period that ends before it starts
	 */
	static Map<YearMonth, Long> parts(long net, Instant start, Instant end) {
		if (net < 0) {
			throw new IllegalArgumentException("negative net " + net);
		}
		if (end.isBefore(start)) {
			throw new IllegalArgumentException("period ends " + end + " before it starts " + start);
		}
		int n = months(start, end);
		YearMonth first = YearMonth.from(start.atOffset(ZoneOffset.UTC));
		Map<YearMonth, Long> parts = new LinkedHashMap<>();
		for (int i = 0; i < n; i++) {
			parts.put(first.plusMonths(i), net / n + ((i < net % n) ? 1 : 0));
		}
		return parts;
	}

	/**
	 * What a paid invoice brings to a month's statement. An invoice whose service
	 * period covers one month (or is not reported) counts whole in the month it was
	 * paid (cash basis, so a late renewal never lands in a closed month). A longer
	 * one (a yearly plan) is spread by {@link #parts}; the parts of months before
	 * the payment (an invoice paid late) go to the month of payment. The net is the
	 * one known now: a refund lowers the parts of every statement still to be
	 * computed, and frozen months keep theirs.
	 */
	static long shareFor(YearMonth month, PaidInvoice invoice) {
		YearMonth paid = YearMonth.from(invoice.paidAt().atOffset(ZoneOffset.UTC));
		Instant start = invoice.periodStart();
		Instant end = invoice.periodEnd();
		if (start == null || end == null || end.isBefore(start) || months(start, end) == 1) {
			return month.equals(paid) ? invoice.net() : 0;
		}
		if (month.isBefore(paid)) {
			return 0;
		}
		Map<YearMonth, Long> parts = parts(invoice.net(), start, end);
		if (!month.equals(paid)) {
			return parts.getOrDefault(month, 0L);
		}
		return parts.entrySet().stream().filter(part -> !part.getKey().isAfter(paid)).mapToLong(Map.Entry::getValue)
				.sum();
	}

	/** The net's part for one month: 0 for a month outside the period. */
	static long partFor(YearMonth month, long net, Instant start, Instant end) {
		return parts(net, start, end).getOrDefault(month, 0L);
	}

}
