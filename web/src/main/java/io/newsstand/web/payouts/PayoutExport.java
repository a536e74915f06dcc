package io.newsstand.web.payouts;

import java.util.List;
import java.util.function.Function;

/**
 * A month's payouts for operators (JSON export): amounts in minor units of
 * their currency, each publisher with the name the catalog gives it now.
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
 *            publisher, name, reads, readers, amount, currency
 */
public record PayoutExport(String month, boolean frozen, String weighting, List<Statement.CurrencyTotal> currencies,
		List<Line> publishers) {

	/**
	 * One publisher in one currency.
	 *
	 * @param publisherId
	 *            the publisher's id (stable, as stored in the statement)
	 * @param publisherName
	 *            its name in the catalog, or the id for a publisher no longer in it
	 * @param currency
	 *            ISO code, lower case
	 * @param reads
	 *            reads by the members who paid in this currency
	 * @param readers
	 *            how many of those members read it
	 * @param amount
	 *            paid out, minor units
	 */
	public record Line(String publisherId, String publisherName, String currency, long reads, long readers,
			long amount) {
	}

	/**
	 * The statement with names looked up now: a frozen statement keeps ids only, so
	 * a publisher renamed later shows its new name.
	 */
	static PayoutExport of(Statement statement, Function<String, String> names) {
		List<Line> lines = statement.publishers().stream().map(line -> new Line(line.publisherId(),
				names.apply(line.publisherId()), line.currency(), line.reads(), line.readers(), line.amount()))
				.toList();
		return new PayoutExport(statement.month(), statement.frozen(), statement.weighting(), statement.currencies(),
				lines);
	}

	/**
	 * CSV (RFC 4180):
	 * {@code publisher,publisher_name,reads,readers,amount,currency}, amounts in
	 * major units. A cell a spreadsheet would run as a formula gets a leading quote
	 * mark (names come from feeds and configuration).
	 */
	String csv() {
		StringBuilder csv = new StringBuilder("publisher,publisher_name,reads,readers,amount,currency\r\n");
		for (Line line : this.publishers) {
			csv.append(cell(line.publisherId())).append(',').append(cell(line.publisherName())).append(',')
					.append(line.reads()).append(',').append(line.readers()).append(',')
					.append(Money.amount(line.amount(), line.currency())).append(',').append(cell(line.currency()))
					.append("\r\n");
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
