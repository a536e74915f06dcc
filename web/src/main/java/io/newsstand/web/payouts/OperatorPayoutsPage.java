package io.newsstand.web.payouts;

import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The operator's payouts page for one month: the statement's totals and
 * publishers with amounts formatted in major units (the same numbers as the CSV
 * export), and the months to go to.
 *
 * @param month
 *            {@code yyyy-MM}
 * @param frozen
 *            the month has closed and the statement is final
 * @param weighting
 *            {@code reads} or {@code reading-time}
 * @param platformShare
 *            the platform's share, 0 to 1, as configured when computed
 * @param totals
 *            one row per currency
 * @param publishers
 *            one row per publisher and currency
 * @param previousMonth
 *            the month before, {@code yyyy-MM}
 * @param nextMonth
 *            the month after, or null when this is the current month
 */
public record OperatorPayoutsPage(String month, boolean frozen, String weighting, String platformShare,
		List<Total> totals, List<Row> publishers, String previousMonth, @Nullable String nextMonth) {

	/**
	 * A currency's totals: net revenue = platform + publishers, amounts in major
	 * units.
	 */
	public record Total(String currency, String net, String platform, String publishers, String pooled,
			long payingMembers) {
	}

	/** A publisher in one currency, the amount in major units. */
	public record Row(String publisherName, long reads, long readers, String amount, String currency) {
	}

	static OperatorPayoutsPage of(Statement statement, YearMonth current, Function<String, String> names) {
		YearMonth month = YearMonth.parse(statement.month());
		List<Total> totals = statement.currencies().stream()
				.map(total -> new Total(total.currency(), Money.amount(total.net(), total.currency()),
						Money.amount(total.platform(), total.currency()),
						Money.amount(total.publishers(), total.currency()),
						Money.amount(total.pooled(), total.currency()), total.payingMembers()))
				.toList();
		List<Row> rows = PayoutExport.of(statement, names).publishers().stream()
				.map(line -> new Row(line.publisherName(), line.reads(), line.readers(),
						Money.amount(line.amount(), line.currency()), line.currency()))
				.toList();
		return new OperatorPayoutsPage(statement.month(), statement.frozen(), statement.weighting(),
				statement.platformShare().toPlainString(), totals, rows, month.minusMonths(1).toString(),
				month.isBefore(current) ? month.plusMonths(1).toString() : null);
	}

}
