package io.newsstand.web.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The operator's export: ids kept, names added, every cell safe for a
 * spreadsheet.
 */
class PayoutExportTest {

	private static Statement statement(Statement.PublisherLine... lines) {
		return new Statement("2026-11", true, Instant.parse("2026-12-01T00:00:00Z"), "reads", new BigDecimal("0.30"),
				List.of(), List.of(lines), List.of());
	}

	@Test
	void eachLineKeepsItsIdAndGainsTheCatalogsName() {
		PayoutExport export = PayoutExport.of(
				statement(new Statement.PublisherLine("daily-ledger", "eur", 3, 2, 6878),
						new Statement.PublisherLine("gone-gazette", "jpy", 1, 1, 500)),
				id -> id.equals("daily-ledger") ? "Daily Ledger" : id);
		assertThat(export.publishers())
				.extracting(PayoutExport.Line::publisherId, PayoutExport.Line::publisherName, PayoutExport.Line::amount)
				.containsExactly(Tuple.tuple("daily-ledger", "Daily Ledger", 6878L),
						Tuple.tuple("gone-gazette", "gone-gazette", 500L));
	}

	@Test
	void theCsvHasTheNameBesideTheIdQuotedAndDefusedWhereNeeded() {
		Map<String, String> names = Map.of("daily-ledger", "Daily Ledger", "evil", "=cmd|' /C calc'!A0, \"Inc\"");
		String csv = PayoutExport.of(statement(new Statement.PublisherLine("daily-ledger", "eur", 3, 2, 6878),
				new Statement.PublisherLine("evil", "jpy", 1, 1, 500)), names::get).csv();
		assertThat(csv).isEqualTo("publisher,publisher_name,reads,readers,amount,currency\r\n"
				+ "daily-ledger,Daily Ledger,3,2,68.78,eur\r\n"
				+ "evil,\"'=cmd|' /C calc'!A0, \"\"Inc\"\"\",1,1,500,jpy\r\n");
	}

}
