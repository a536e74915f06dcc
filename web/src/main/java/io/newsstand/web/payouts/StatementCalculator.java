package io.newsstand.web.payouts;

import io.newsstand.billing.PaidInvoice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes a {@link Statement} from the paid invoices serving the month (each
 * brings its {@link ServicePeriod#shareFor share} of the month) and the reading
 * ledger. Per currency and member: the platform takes the floor of its share of
 * the member's net, and the rest is split across the publishers the member read
 * by largest remainder. A member who read nothing adds the rest to the pool,
 * which is split the same way by all members' reading; if nobody read anything
 * the pool stays with the platform. No cent is lost or created.
 */
final class StatementCalculator {

	private final PayoutsProperties properties;

	StatementCalculator(PayoutsProperties properties) {
		this.properties = properties;
	}

	Statement compute(YearMonth month, List<PaidInvoice> invoices, List<LedgerEntry> ledger, boolean frozen,
			Instant now) {
		Map<String, Map<String, Long>> netByCurrency = new TreeMap<>();
		for (PaidInvoice invoice : invoices) {
			long share = ServicePeriod.shareFor(month, invoice);
			if (share > 0) {
				netByCurrency.computeIfAbsent(invoice.currency(), currency -> new TreeMap<>())
						.merge(invoice.accountId(), share, Long::sum);
			}
		}
		Map<String, Map<String, Long>> weights = weights(ledger);
		Map<String, Long> everyone = new TreeMap<>();
		weights.values().forEach(member -> member.forEach((publisher, w) -> everyone.merge(publisher, w, Long::sum)));
		List<Statement.CurrencyTotal> totals = new ArrayList<>();
		List<Statement.PublisherLine> lines = new ArrayList<>();
		List<Statement.MemberShare> members = new ArrayList<>();
		netByCurrency.forEach((currency, nets) -> {
			Map<String, Long> amounts = new TreeMap<>();
			long platform = 0;
			long pooled = 0;
			long paying = 0;
			long net = 0;
			for (Map.Entry<String, Long> member : nets.entrySet()) {
				if (member.getValue() == 0) {
					continue;
				}
				paying++;
				net += member.getValue();
				long cut = platformCut(member.getValue());
				platform += cut;
				Map<String, Long> read = weights.getOrDefault(member.getKey(), Map.of());
				if (read.isEmpty()) {
					pooled += member.getValue() - cut;
					members.add(new Statement.MemberShare(member.getKey(), currency, member.getValue(), cut, true,
							Map.of()));
					continue;
				}
				Map<String, Long> split = Shares.split(member.getValue() - cut, read);
				split.forEach((publisher, amount) -> amounts.merge(publisher, amount, Long::sum));
				members.add(new Statement.MemberShare(member.getKey(), currency, member.getValue(), cut, false, split));
			}
			if (pooled > 0 && everyone.isEmpty()) {
				platform += pooled;
			} else if (pooled > 0) {
				Shares.split(pooled, everyone)
						.forEach((publisher, amount) -> amounts.merge(publisher, amount, Long::sum));
			}
			long publishers = amounts.values().stream().mapToLong(Long::longValue).sum();
			totals.add(new Statement.CurrencyTotal(currency, net, platform, publishers, pooled, paying));
			lines.addAll(lines(currency, nets, ledger, amounts));
		});
		return new Statement(month.toString(), frozen, now,
				this.properties.weighting() == PayoutsProperties.Weighting.READS ? "reads" : "reading-time",
				this.properties.platformShare(), totals, lines, members);
	}

	long platformCut(long net) {
		return BigDecimal.valueOf(net).multiply(this.properties.platformShare()).setScale(0, RoundingMode.DOWN)
				.longValueExact();
	}

	/**
	 * Each member's weight per publisher: reads, or reading seconds (a member who
	 * read in full but whose pages reported no time is weighed by reads).
	 */
	Map<String, Map<String, Long>> weights(List<LedgerEntry> ledger) {
		Map<String, Map<String, Long>> reads = new HashMap<>();
		Map<String, Map<String, Long>> seconds = new HashMap<>();
		for (LedgerEntry entry : ledger) {
			if (entry.reads() > 0) {
				reads.computeIfAbsent(entry.accountId(), id -> new TreeMap<>()).merge(entry.publisherId(),
						entry.reads(), Long::sum);
			}
			if (entry.seconds() > 0) {
				seconds.computeIfAbsent(entry.accountId(), id -> new TreeMap<>()).merge(entry.publisherId(),
						entry.seconds(), Long::sum);
			}
		}
		if (this.properties.weighting() == PayoutsProperties.Weighting.READS) {
			return reads;
		}
		Map<String, Map<String, Long>> weights = new HashMap<>(reads);
		weights.putAll(seconds);
		return weights;
	}

	private static List<Statement.PublisherLine> lines(String currency, Map<String, Long> nets,
			List<LedgerEntry> ledger, Map<String, Long> amounts) {
		Map<String, long[]> readsAndReaders = new TreeMap<>();
		for (LedgerEntry entry : ledger) {
			if (nets.getOrDefault(entry.accountId(), 0L) > 0 && entry.reads() > 0) {
				long[] counts = readsAndReaders.computeIfAbsent(entry.publisherId(), id -> new long[2]);
				counts[0] += entry.reads();
				counts[1]++;
			}
		}
		amounts.keySet().forEach(publisher -> readsAndReaders.computeIfAbsent(publisher, id -> new long[2]));
		List<Statement.PublisherLine> lines = new ArrayList<>();
		readsAndReaders.forEach((publisher, counts) -> lines.add(new Statement.PublisherLine(publisher, currency,
				counts[0], counts[1], amounts.getOrDefault(publisher, 0L))));
		return lines;
	}

}
