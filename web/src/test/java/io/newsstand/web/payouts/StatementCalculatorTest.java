package io.newsstand.web.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.billing.PaidInvoice;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The split as docs/payouts.md describes it, worked example included. */
class StatementCalculatorTest {

	private static final Instant AT = Instant.parse("2026-11-14T10:00:00Z");

	private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

	private static StatementCalculator calculator(PayoutsProperties.Weighting weighting) {
		return new StatementCalculator(
				new PayoutsProperties(weighting, new BigDecimal("0.30"), Duration.ofHours(24), 1800, 13, 16));
	}

	private static PaidInvoice paid(String account, String currency, long amount, long refunded) {
		return new PaidInvoice("in_" + account + amount, account, currency, amount, refunded, null, AT);
	}

	@Test
	void theWorkedExampleOfTheDocs() {
		List<PaidInvoice> invoices = List.of(paid("ana", "eur", 900, 0), paid("ben", "eur", 9000, 0),
				paid("cleo", "eur", 900, 300), paid("dev", "eur", 0, 0));
		List<LedgerEntry> ledger = List.of(new LedgerEntry("ana", "daily-ledger", 2, 0),
				new LedgerEntry("ana", "harbour-post", 1, 0), new LedgerEntry("ben", "daily-ledger", 1, 0),
				new LedgerEntry("dev", "harbour-post", 4, 0));
		Statement statement = calculator(PayoutsProperties.Weighting.READS).compute(NOVEMBER, invoices, ledger, true,
				AT);
		assertThat(statement.currencies())
				.containsExactly(new Statement.CurrencyTotal("eur", 10500, 3150, 7350, 420, 3));
		assertThat(statement.publishers()).containsExactly(
				new Statement.PublisherLine("daily-ledger", "eur", 3, 2, 6878),
				new Statement.PublisherLine("harbour-post", "eur", 1, 1, 472));
		assertThat(statement.members()).containsExactly(
				new Statement.MemberShare("ana", "eur", 900, 270, false,
						Map.of("daily-ledger", 420L, "harbour-post", 210L)),
				new Statement.MemberShare("ben", "eur", 9000, 2700, false, Map.of("daily-ledger", 6300L)),
				new Statement.MemberShare("cleo", "eur", 600, 180, true, Map.of()));
	}

	@Test
	void eachCurrencyIsSplitOnItsOwn() {
		Statement statement = calculator(PayoutsProperties.Weighting.READS).compute(NOVEMBER,
				List.of(paid("ana", "eur", 900, 0), paid("sam", "usd", 1000, 0)),
				List.of(new LedgerEntry("ana", "daily-ledger", 1, 0), new LedgerEntry("sam", "harbour-post", 1, 0)),
				false, AT);
		assertThat(statement.currencies())
				.extracting(Statement.CurrencyTotal::currency, Statement.CurrencyTotal::publishers)
				.containsExactly(Tuple.tuple("eur", 630L), Tuple.tuple("usd", 700L));
		assertThat(statement.publishers()).containsExactly(
				new Statement.PublisherLine("daily-ledger", "eur", 1, 1, 630),
				new Statement.PublisherLine("harbour-post", "usd", 1, 1, 700));
	}

	@Test
	void readingTimeWeighsBySecondsAndFallsBackToReadsForAMemberWithoutTime() {
		Statement statement = calculator(PayoutsProperties.Weighting.READING_TIME).compute(NOVEMBER,
				List.of(paid("ana", "eur", 1000, 0), paid("ben", "eur", 1000, 0)),
				List.of(new LedgerEntry("ana", "daily-ledger", 5, 60), new LedgerEntry("ana", "harbour-post", 1, 540),
						new LedgerEntry("ben", "daily-ledger", 1, 0), new LedgerEntry("ben", "harbour-post", 3, 0)),
				false, AT);
		assertThat(statement.members()).extracting(Statement.MemberShare::publishers).containsExactly(
				Map.of("daily-ledger", 70L, "harbour-post", 630L), Map.of("daily-ledger", 175L, "harbour-post", 525L));
		assertThat(statement.weighting()).isEqualTo("reading-time");
	}

	@Test
	void whenNobodyReadAnythingThePlatformKeepsThePoolAndNoCentIsLost() {
		Statement statement = calculator(PayoutsProperties.Weighting.READS).compute(NOVEMBER,
				List.of(paid("ana", "eur", 999, 0)), List.of(), false, AT);
		assertThat(statement.currencies()).containsExactly(new Statement.CurrencyTotal("eur", 999, 999, 0, 700, 1));
		assertThat(statement.publishers()).isEmpty();
	}

	@Test
	void aFullyRefundedPaymentAndAFeeLeaveNothingNegative() {
		Statement statement = calculator(PayoutsProperties.Weighting.READS).compute(NOVEMBER,
				List.of(paid("ana", "eur", 900, 900), new PaidInvoice("in_fee", "ben", "eur", 900, 0, 40L, AT)),
				List.of(new LedgerEntry("ana", "daily-ledger", 1, 0), new LedgerEntry("ben", "daily-ledger", 1, 0)),
				false, AT);
		assertThat(statement.currencies()).containsExactly(new Statement.CurrencyTotal("eur", 860, 258, 602, 0, 1));
	}

}
