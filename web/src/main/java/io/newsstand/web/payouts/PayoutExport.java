package io.newsstand.web.payouts;

import java.util.List;

/**
 * A month's payouts for operators (JSON export): amounts in minor units of
 * their currency.
 *
 * @param month
 *            {@code yyyy-MM}
 * @param frozen
 *            the month has closed and the statement is final
 * @param weighting
 *            {@code reads} or {@code reading-time}
 * @param currencies
 *            totals per currency
 * @param publishers
 *            publisher, reads, readers, amount, currency
 */
public record PayoutExport(String month, boolean frozen, String weighting, List<Statement.CurrencyTotal> currencies,
		List<Statement.PublisherLine> publishers) {

	static PayoutExport of(Statement statement) {
		return new PayoutExport(statement.month(), statement.frozen(), statement.weighting(), statement.currencies(),
				statement.publishers());
	}

	/**
	 * CSV (RFC 4180): {@code publisher,reads,readers,amount,currency}, amounts in
	 * major units. A cell a spreadsheet would run as a formula gets a leading quote
	 * mark.
	 */
	String csv() {
		StringBuilder csv = new StringBuilder("publisher,reads,readers,amount,currency\r\n");
		for (Statement.PublisherLine line : this.publishers) {
			csv.append(cell(line.publisherId())).append(',').append(line.reads()).append(',').append(line.readers())
					.append(',').append(Money.amount(line.amount(), line.currency())).append(',')
					.append(cell(line.currency())).append("\r\n");
		}
		return csv.toString();
	}

	static String cell(String value) {
		String text = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
