package io.newsstand.web.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.billing.PaidInvoice;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a member paid in a month, per currency, from Stripe's paid invoices. */
class MemberPaymentsTest {

	private static final Instant PAID = Instant.parse("2026-11-03T10:00:00Z");

	@Test
	void paymentsFeesAndRefundsAddUpPerCurrency() {
		List<MemberPayments> payments = MemberPayments
				.of(List.of(new PaidInvoice("in_1", "a", "eur", 900, 0, 39L, PAID),
						new PaidInvoice("in_2", "a", "eur", 900, 300, 39L, PAID),
						new PaidInvoice("in_3", "a", "jpy", 1200, 0, 43L, PAID)));
		assertThat(payments).containsExactly(
				new MemberPayments("eur", 1800, "EUR 18.00", 78L, "EUR 0.78", 300, "EUR 3.00"),
				new MemberPayments("jpy", 1200, "JPY 1200", 43L, "JPY 43", 0, "JPY 0"));
	}

	@Test
	void aFeeStripeDidNotReportIsNullNotZero() {
		assertThat(MemberPayments.of(List.of(new PaidInvoice("in_1", "a", "usd", 1000, 0, null, PAID))))
				.containsExactly(new MemberPayments("usd", 1000, "USD 10.00", null, null, 0, "USD 0.00"));
	}

	@Test
	void aTrialsInvoicePaysNothingAndIsNoPayment() {
		assertThat(MemberPayments.of(List.of(new PaidInvoice("in_trial", "a", "eur", 0, 0, null, PAID)))).isEmpty();
	}

}
