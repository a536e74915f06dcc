package io.newsstand.web.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.billing.PaidInvoice;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * The money arithmetic for any amounts, weights, shares and readings: shares
 * add up to what was paid, and none is negative.
 */
class PayoutArithmeticProperties {

	private static final Instant AT = Instant.parse("2026-11-14T10:00:00Z");

	@Property
	void largestRemainderSharesAddUpToTheAmountAndStayWithinOneCentOfTheirQuota(
			@ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long amount,
			@ForAll @Size(min = 1, max = 30) List<@LongRange(min = 0, max = 1_000_000_000L) Long> weights) {
		Map<String, Long> byKey = new java.util.HashMap<>();
		for (int i = 0; i < weights.size(); i++) {
			byKey.put("p" + i, weights.get(i));
		}
		net.jqwik.api.Assume.that(weights.stream().mapToLong(Long::longValue).sum() > 0);
		Map<String, Long> shares = Shares.split(amount, byKey);
		assertThat(shares.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(amount);
		assertThat(shares.values()).allSatisfy(share -> assertThat(share).isNotNegative());
		BigDecimal total = BigDecimal.valueOf(weights.stream().mapToLong(Long::longValue).sum());
		byKey.forEach((key, weight) -> {
			BigDecimal quota = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(weight)).divide(total, 6,
					java.math.RoundingMode.HALF_EVEN);
			assertThat(BigDecimal.valueOf(shares.get(key)).subtract(quota).abs()).isLessThanOrEqualTo(BigDecimal.ONE);
		});
	}

	@Property
	void aStatementPaysOutExactlyTheNetRevenueOfEachCurrency(@ForAll("invoices") List<PaidInvoice> invoices,
			@ForAll("ledger") List<LedgerEntry> ledger, @ForAll @BigRange(min = "0", max = "1") BigDecimal share,
			@ForAll boolean byTime) {
		PayoutsProperties properties = new PayoutsProperties(
				byTime ? PayoutsProperties.Weighting.READING_TIME : PayoutsProperties.Weighting.READS,
				share.setScale(4, java.math.RoundingMode.DOWN), Duration.ofHours(24), 1800, 13, 16);
		Statement statement = new StatementCalculator(properties).compute(YearMonth.of(2026, 11), invoices, ledger,
				false, AT);
		for (Statement.CurrencyTotal total : statement.currencies()) {
			long net = invoices.stream().filter(invoice -> invoice.currency().equals(total.currency()))
					.mapToLong(PaidInvoice::net).sum();
			assertThat(total.net()).isEqualTo(net);
			long paidOut = statement.publishers().stream().filter(line -> line.currency().equals(total.currency()))
					.mapToLong(Statement.PublisherLine::amount).sum();
			assertThat(paidOut).isEqualTo(total.publishers());
			assertThat(total.platform() + paidOut).isEqualTo(net);
		}
		assertThat(statement.publishers()).allSatisfy(line -> assertThat(line.amount()).isNotNegative());
		assertThat(statement.members()).allSatisfy(member -> {
			assertThat(member.platform()).isBetween(0L, member.net());
			assertThat(member.publishers().values()).allSatisfy(amount -> assertThat(amount).isNotNegative());
			if (!member.pooled()) {
				assertThat(member.platform() + member.publishers().values().stream().mapToLong(Long::longValue).sum())
						.isEqualTo(member.net());
			}
		});
	}

	@Provide
	Arbitrary<List<PaidInvoice>> invoices() {
		Arbitrary<PaidInvoice> invoice = Combinators
				.combine(Arbitraries.integers().between(0, 9), Arbitraries.of("eur", "usd", "jpy"),
						Arbitraries.longs().between(0, 10_000_000), Arbitraries.longs().between(0, 12_000_000),
						Arbitraries.longs().between(0, 500_000).injectNull(0.5))
				.as((member, currency, paid, refunded, fee) -> new PaidInvoice("in_" + member + currency + paid,
						"m" + member, currency, paid, Math.min(paid, refunded % (paid + 1)), fee, AT));
		return invoice.list().ofMaxSize(25);
	}

	@Provide
	Arbitrary<List<LedgerEntry>> ledger() {
		Arbitrary<LedgerEntry> entry = Combinators
				.combine(Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 6),
						Arbitraries.longs().between(0, 500), Arbitraries.longs().between(0, 100_000))
				.as((member, publisher, reads, seconds) -> new LedgerEntry("m" + member, "pub-" + publisher, reads,
						seconds));
		return entry.list().ofMaxSize(40).map(entries -> {
			// The ledger holds one entry per member and publisher.
			Map<String, LedgerEntry> unique = new java.util.LinkedHashMap<>();
			entries.forEach(e -> unique.putIfAbsent(e.accountId() + "|" + e.publisherId(), e));
			return new ArrayList<>(unique.values());
		});
	}

}
