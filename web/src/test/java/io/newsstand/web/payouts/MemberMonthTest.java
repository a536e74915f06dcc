package io.newsstand.web.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.billing.PaidInvoice;
import io.newsstand.billing.Revenue;
import io.newsstand.testing.RedisExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member's month ("Where your money went", page and API): their part and what
 * they paid in the month, the open month with one look at Stripe.
 */
@ExtendWith(RedisExtension.class)
class MemberMonthTest {

	private static final String MEMBER = "member-month-1";

	/** Paid this month: 9.00, Stripe's fee 0.39. */
	private static final PaidInvoice MONTHLY = new PaidInvoice("in_monthly", MEMBER, "eur", 900, 0, 39L,
			Instant.parse("2031-04-03T10:00:00Z"));

	/** Paid six months before for a year that covers this month: 90.00. */
	private static final PaidInvoice YEARLY = new PaidInvoice("in_yearly", MEMBER, "eur", 9000, 0, null,
			Instant.parse("2030-10-10T10:00:00Z"), Instant.parse("2030-10-10T10:00:00Z"),
			Instant.parse("2031-10-10T10:00:00Z"));

	/** Revenue that answers from a list and counts each call, as Stripe calls. */
	static final class CountingRevenue implements Revenue {

		final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

		private List<PaidInvoice> paid(YearMonth first, YearMonth last) {
			return List.of(MONTHLY, YEARLY).stream().filter(invoice -> {
				YearMonth paid = YearMonth.from(invoice.paidAt().atOffset(ZoneOffset.UTC));
				return !paid.isBefore(first) && !paid.isAfter(last);
			}).toList();
		}

		private void count(String call) {
			this.calls.computeIfAbsent(call, c -> new AtomicInteger()).incrementAndGet();
		}

		@Override
		public List<PaidInvoice> invoicesPaidIn(YearMonth month) {
			count("paidIn");
			return paid(month, month);
		}

		@Override
		public List<PaidInvoice> invoicesPaidIn(YearMonth month, String accountId) {
			count("paidIn(account)");
			return paid(month, month);
		}

		@Override
		public List<PaidInvoice> invoicesServing(YearMonth month) {
			count("serving");
			return paid(month.minusMonths(11), month);
		}

		@Override
		public List<PaidInvoice> invoicesServing(YearMonth month, String accountId) {
			count("serving(account)");
			return paid(month.minusMonths(11), month);
		}

	}

	private static Statements statements(StringRedisTemplate redis, CountingRevenue revenue, Instant now) {
		PayoutsProperties properties = ReadingLedgerTest.properties(Duration.ofHours(24));
		ReadingLedger ledger = new ReadingLedger(redis, properties);
		ledger.read(MEMBER, "daily-ledger", "a1", Instant.parse("2031-04-05T10:00:00Z"));
		return new Statements(ledger, revenue, properties, redis, JsonMapper.builder().build(),
				Clock.fixed(now, ZoneOffset.UTC));
	}

	@Test
	void theOpenMonthAsksStripeOnceAndPaidInHoldsOnlyThisMonthsPayments(StringRedisTemplate redis) {
		CountingRevenue revenue = new CountingRevenue();
		Statements statements = statements(redis, revenue, Instant.parse("2031-04-14T10:00:00Z"));

		Statements.MemberMonth month = statements.member(MEMBER, YearMonth.of(2031, 4));

		assertThat(month.paidIn()).containsExactly(MONTHLY);
		// 861 net of this month's payment and the yearly payment's twelfth, 750.
		assertThat(month.shares()).singleElement().satisfies(share -> assertThat(share.net()).isEqualTo(1611));
		assertThat(revenue.calls).containsOnlyKeys("serving(account)");
		assertThat(revenue.calls.get("serving(account)")).hasValue(1);
	}

	@Test
	void aClosedMonthTakesItsPartFromTheFrozenStatementAndItsPaymentsFromStripe(StringRedisTemplate redis) {
		CountingRevenue revenue = new CountingRevenue();
		Statements statements = statements(redis, revenue, Instant.parse("2031-05-02T10:00:00Z"));

		Statements.MemberMonth month = statements.member(MEMBER, YearMonth.of(2031, 4));

		assertThat(month.paidIn()).containsExactly(MONTHLY);
		assertThat(month.shares()).singleElement().satisfies(share -> {
			assertThat(share.net()).isEqualTo(1611);
			assertThat(share.publishers()).containsOnlyKeys("daily-ledger");
		});
		assertThat(revenue.calls).containsOnlyKeys("serving", "paidIn(account)");
	}

}
