package io.newsstand.web.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.billing.PaidInvoice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The money arithmetic for many generated amounts, weights, shares and
 * readings: shares add up to what was paid, and none is negative. Each case is
 * generated from its seed, so a failure names the seed that reproduces it; the
 * extremes (zero, one cent, a trillion cents, one weight among many zeros) are
 * drawn often on purpose.
 */
class PayoutArithmeticPropertiesTest {

	private static final Instant AT = Instant.parse("2026-11-14T10:00:00Z");

	private static final int CASES = 1_000;

	static LongStream seeds() {
		return LongStream.range(0, CASES);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void largestRemainderSharesAddUpToTheAmountAndStayWithinOneCentOfTheirQuota(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		long amount = edgy(random, 1_000_000_000_000L);
		int count = 1 + random.nextInt(30);
		Map<String, Long> weights = new HashMap<>();
		for (int i = 0; i < count; i++) {
			weights.put("p" + i, edgy(random, 1_000_000_000L));
		}
		if (weights.values().stream().mapToLong(Long::longValue).sum() == 0) {
			weights.put("p0", 1L);
		}
		Map<String, Long> shares = Shares.split(amount, weights);
		assertThat(shares.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(amount);
		assertThat(shares.values()).allSatisfy(share -> assertThat(share).isNotNegative());
		BigDecimal total = BigDecimal.valueOf(weights.values().stream().mapToLong(Long::longValue).sum());
		weights.forEach((key, weight) -> {
			BigDecimal quota = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(weight)).divide(total, 6,
					RoundingMode.HALF_EVEN);
			assertThat(BigDecimal.valueOf(shares.get(key)).subtract(quota).abs()).isLessThanOrEqualTo(BigDecimal.ONE);
		});
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void aStatementPaysOutExactlyTheNetRevenueOfEachCurrency(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		List<PaidInvoice> invoices = invoices(random);
		List<LedgerEntry> ledger = ledger(random);
		BigDecimal share = BigDecimal.valueOf(random.nextInt(10_001), 4);
		boolean byTime = random.nextBoolean();
		PayoutsProperties properties = new PayoutsProperties(
				byTime ? PayoutsProperties.Weighting.READING_TIME : PayoutsProperties.Weighting.READS, share,
				Duration.ofHours(24), 1800, 13, 16);
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

	/**
	 * A number up to {@code max}, with the edges (0, 1, max) a fifth of the time
	 * each, where rounding goes wrong if it does.
	 */
	private static long edgy(SplittableRandom random, long max) {
		return switch (random.nextInt(10)) {
			case 0, 1 -> 0;
			case 2 -> 1;
			case 3 -> max;
			default -> random.nextLong(max + 1);
		};
	}

	private static List<PaidInvoice> invoices(SplittableRandom random) {
		List<PaidInvoice> invoices = new ArrayList<>();
		String[] currencies = {"eur", "usd", "jpy"};
		for (int i = random.nextInt(26); i > 0; i--) {
			int member = random.nextInt(10);
			String currency = currencies[random.nextInt(currencies.length)];
			long paid = edgy(random, 10_000_000);
			long refunded = random.nextBoolean() ? 0 : random.nextLong(paid + 1);
			Long fee = random.nextBoolean() ? null : random.nextLong(500_001);
			invoices.add(new PaidInvoice("in_" + i + "_" + member + currency, "m" + member, currency, paid, refunded,
					fee, AT));
		}
		return invoices;
	}

	private static List<LedgerEntry> ledger(SplittableRandom random) {
		// The ledger holds one entry per member and publisher.
		Map<String, LedgerEntry> unique = new LinkedHashMap<>();
		for (int i = random.nextInt(41); i > 0; i--) {
			LedgerEntry entry = new LedgerEntry("m" + random.nextInt(13), "pub-" + random.nextInt(7), edgy(random, 500),
					edgy(random, 100_000));
			unique.putIfAbsent(entry.accountId() + "|" + entry.publisherId(), entry);
		}
		return new ArrayList<>(unique.values());
	}

}
