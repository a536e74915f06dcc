package io.newsstand.billing;

import java.time.YearMonth;
import java.util.List;

/**
 * What members paid, as Stripe reports it: the invoices paid in a month (UTC),
 * for publisher payouts. Calls Stripe.
 */
public interface Revenue {

	/** Every membership invoice paid in the month, with refunds so far. */
	List<PaidInvoice> invoicesPaidIn(YearMonth month);

	/** One reader's invoices paid in the month. */
	List<PaidInvoice> invoicesPaidIn(YearMonth month, String accountId);

	/**
	 * Every membership invoice paid in the twelve months up to and including the
	 * month: those whose service period (a yearly plan's) may cover it.
	 */
	List<PaidInvoice> invoicesServing(YearMonth month);

	/** One reader's invoices paid in the twelve months up to the month. */
	List<PaidInvoice> invoicesServing(YearMonth month, String accountId);

}
