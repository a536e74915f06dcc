package io.newsstand.web.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operator page's view of a statement: amounts in major units of their own
 * currency (as the CSV), names from the catalog, and the months around it.
 */
class OperatorPayoutsPageViewTest {

	private static final Statement STATEMENT = new Statement("2026-10", true, Instant.parse("2026-11-01T00:00:00Z"),
			"reads", new BigDecimal("0.30"),
			List.of(new Statement.CurrencyTotal("eur", 2250, 675, 1575, 420, 3),
					new Statement.CurrencyTotal("jpy", 1200, 360, 840, 0, 1)),
			List.of(new Statement.PublisherLine("daily-ledger", "eur", 3, 2, 1103),
					new Statement.PublisherLine("gone", "jpy", 1, 1, 840)),
			List.of(new Statement.MemberShare("a", "eur", 900, 270, false, Map.of("daily-ledger", 630L))));

	@Test
	void amountsAreInMajorUnitsOfTheirCurrencyAndNamesFromTheCatalog() {
		OperatorPayoutsPage page = OperatorPayoutsPage.of(STATEMENT, YearMonth.of(2026, 12),
				id -> id.equals("daily-ledger") ? "Daily Ledger" : id);
		assertThat(page.totals()).containsExactly(
				new OperatorPayoutsPage.Total("eur", "22.50", "6.75", "15.75", "4.20", 3),
				new OperatorPayoutsPage.Total("jpy", "1200", "360", "840", "0", 1));
		assertThat(page.publishers()).containsExactly(new OperatorPayoutsPage.Row("Daily Ledger", 3, 2, "11.03", "eur"),
				new OperatorPayoutsPage.Row("gone", 1, 1, "840", "jpy"));
		assertThat(page.frozen()).isTrue();
		assertThat(page.platformShare()).isEqualTo("0.30");
	}

	@Test
	void theCurrentMonthHasNoNextMonthAndAnEarlierOneLinksOn() {
		assertThat(OperatorPayoutsPage.of(STATEMENT, YearMonth.of(2026, 10), id -> id).nextMonth()).isNull();
		OperatorPayoutsPage earlier = OperatorPayoutsPage.of(STATEMENT, YearMonth.of(2026, 12), id -> id);
		assertThat(earlier.previousMonth()).isEqualTo("2026-09");
		assertThat(earlier.nextMonth()).isEqualTo("2026-11");
	}

}
