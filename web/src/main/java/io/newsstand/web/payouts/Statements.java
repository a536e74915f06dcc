package io.newsstand.web.payouts;

import io.newsstand.billing.PaidInvoice;
import io.newsstand.billing.Revenue;
import io.newsstand.web.redis.PayoutKeys;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Monthly statements. The current month is computed on demand from Stripe's
 * invoices and the ledger and may still change; a closed month is computed
 * once, stored with {@code SET NX} (the first node to store it wins, every
 * other node reads that one) and never computed again, so refunds or reads that
 * arrive after the close do not change it.
 */
@Component
public class Statements {

	private static final Logger log = LoggerFactory.getLogger(Statements.class);

	private final ReadingLedger ledger;

	private final Revenue revenue;

	private final StatementCalculator calculator;

	private final PayoutsProperties properties;

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final Clock clock;

	Statements(ReadingLedger ledger, Revenue revenue, PayoutsProperties properties, StringRedisTemplate redis,
			JsonMapper json, Clock clock) {
		this.ledger = ledger;
		this.revenue = revenue;
		this.calculator = new StatementCalculator(properties);
		this.properties = properties;
		this.redis = redis;
		this.json = json;
		this.clock = clock;
	}

	/** The month now (UTC). */
	public YearMonth currentMonth() {
		return YearMonth.from(this.clock.instant().atOffset(ZoneOffset.UTC));
	}

	/**
	 * The month's statement: empty for a month still to come, or a closed month
	 * that was never frozen while its ledger was kept.
	 */
	public Optional<Statement> month(YearMonth month) {
		YearMonth current = currentMonth();
		if (month.isAfter(current)) {
			return Optional.empty();
		}
		if (month.equals(current)) {
			return Optional.of(compute(month, false));
		}
		String key = PayoutKeys.statement(month.toString());
		String stored = this.redis.opsForValue().get(key);
		if (stored != null) {
			return Optional.of(this.json.readValue(stored, Statement.class));
		}
		if (!month.isAfter(current.minusMonths(this.properties.retentionMonths()))) {
			return Optional.empty();
		}
		Statement frozen = compute(month, true);
		if (Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(key, this.json.writeValueAsString(frozen)))) {
			log.info("Payout statement for {} frozen: {}", month, frozen.currencies());
			return Optional.of(frozen);
		}
		return Optional.of(this.json.readValue(this.redis.opsForValue().get(key), Statement.class));
	}

	/**
	 * One member's month: their part of it (from the frozen statement once the
	 * month has closed, computed from their own invoices and reading before) and
	 * the invoices they paid in it, as Stripe reports them now. The open month asks
	 * Stripe once: the invoices paid in it are among those serving it.
	 */
	public MemberMonth member(String accountId, YearMonth month) {
		if (month.isBefore(currentMonth())) {
			List<Statement.MemberShare> shares = month(month).map(statement -> statement.members().stream()
					.filter(share -> share.accountId().equals(accountId)).toList()).orElse(List.of());
			return new MemberMonth(shares, this.revenue.invoicesPaidIn(month, accountId));
		}
		List<PaidInvoice> serving = this.revenue.invoicesServing(month, accountId);
		List<Statement.MemberShare> shares = this.calculator
				.compute(month, serving, this.ledger.member(accountId, month), false, this.clock.instant()).members();
		List<PaidInvoice> paidIn = serving.stream()
				.filter(invoice -> YearMonth.from(invoice.paidAt().atOffset(ZoneOffset.UTC)).equals(month)).toList();
		return new MemberMonth(shares, paidIn);
	}

	/**
	 * A member's month.
	 *
	 * @param shares
	 *            their part, one per currency they paid in
	 * @param paidIn
	 *            their invoices paid in the month
	 */
	public record MemberMonth(List<Statement.MemberShare> shares, List<PaidInvoice> paidIn) {
	}

	/** The member's own reading this month, by publisher. */
	public List<LedgerEntry> reading(String accountId, YearMonth month) {
		return this.ledger.member(accountId, month);
	}

	private Statement compute(YearMonth month, boolean frozen) {
		return this.calculator.compute(month, this.revenue.invoicesServing(month), this.ledger.month(month), frozen,
				this.clock.instant());
	}

}
