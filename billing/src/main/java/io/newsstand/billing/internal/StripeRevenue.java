package io.newsstand.billing.internal;

import io.newsstand.billing.PaidInvoice;
import io.newsstand.billing.Revenue;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Revenue as Stripe reports it: the paid invoices whose {@code paid_at} falls
 * in the month. Stripe filters lists by {@code created} only, so the query
 * reaches {@link #LOOKBACK_DAYS} back for invoices paid late (retries after a
 * failed renewal) and keeps those paid inside the month. Refunds are the credit
 * notes issued after payment. The fee is Stripe's where the response carries it
 * ({@link InvoiceFees}), else null (unknown, counted as 0).
 */
@Component
class StripeRevenue implements Revenue {

	private static final Logger log = LoggerFactory.getLogger(StripeRevenue.class);

	/** Stripe's smart retries end within two months of the invoice. */
	static final int LOOKBACK_DAYS = 62;

	private final StripeGateway stripe;

	private final MembershipStore store;

	StripeRevenue(StripeGateway stripe, MembershipStore store) {
		this.stripe = stripe;
		this.store = store;
	}

	@Override
	public List<PaidInvoice> invoicesPaidIn(YearMonth month) {
		return paid(month, month, null, null);
	}

	@Override
	public List<PaidInvoice> invoicesPaidIn(YearMonth month, String accountId) {
		String customer = this.store.customerOf(accountId);
		return (customer == null) ? List.of() : paid(month, month, customer, accountId);
	}

	@Override
	public List<PaidInvoice> invoicesServing(YearMonth month) {
		return paid(month.minusMonths(11), month, null, null);
	}

	@Override
	public List<PaidInvoice> invoicesServing(YearMonth month, String accountId) {
		String customer = this.store.customerOf(accountId);
		return (customer == null) ? List.of() : paid(month.minusMonths(11), month, customer, accountId);
	}

	private List<PaidInvoice> paid(YearMonth first, YearMonth month, @Nullable String customer,
			@Nullable String accountId) {
		long start = first.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
		long end = month.plusMonths(1).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
		List<PaidInvoice> invoices = new ArrayList<>();
		for (StripeRecords.Invoice invoice : this.stripe.paidInvoices(start - LOOKBACK_DAYS * 86_400L, end, customer)) {
			long paidAt = (invoice.paidAt() != null) ? invoice.paidAt() : invoice.created();
			if (paidAt < start || paidAt >= end) {
				continue;
			}
			String account = (accountId != null) ? accountId : this.store.accountOf(invoice.customer());
			if (account == null) {
				// Another product's customer on a shared Stripe account: not a membership.
				log.warn("Paid invoice {} of customer {} belongs to no account; left out of revenue", invoice.id(),
						invoice.customer());
				continue;
			}
			invoices.add(new PaidInvoice(invoice.id(), account, invoice.currency(), invoice.amountPaid(),
					invoice.creditedAfterPayment(), invoice.fee(), Instant.ofEpochSecond(paidAt),
					(invoice.periodStart() == null) ? null : Instant.ofEpochSecond(invoice.periodStart()),
					(invoice.periodEnd() == null) ? null : Instant.ofEpochSecond(invoice.periodEnd())));
		}
		return invoices;
	}

}
