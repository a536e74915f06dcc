package io.newsstand.billing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A membership invoice Stripe reports as paid, with what came back out of it.
 *
 * @param invoiceId
 *            Stripe's invoice id
 * @param accountId
 *            the reader's account
 * @param currency
 *            ISO currency code, lower case as Stripe gives it
 * @param amountPaid
 *            what was paid, in the currency's minor units (a trial's invoice
 *            pays 0)
 * @param refunded
 *            what was refunded since (credit notes after payment), minor units
 * @param fee
 *            Stripe's fee in the same currency, or null where Stripe does not
 *            report it with the invoice
 * @param paidAt
 *            when it was paid
 * @param periodStart
 *            start of the service period its line pays for
 *            ({@code lines.data[].period.start}), or null where not reported
 * @param periodEnd
 *            end of that service period (the next period's start), or null
 */
public record PaidInvoice(String invoiceId, String accountId, String currency, long amountPaid, long refunded,
		@Nullable Long fee, Instant paidAt, @Nullable Instant periodStart, @Nullable Instant periodEnd) {

	/** An invoice whose service period is not known: counted in the month paid. */
	public PaidInvoice(String invoiceId, String accountId, String currency, long amountPaid, long refunded,
			@Nullable Long fee, Instant paidAt) {
		this(invoiceId, accountId, currency, amountPaid, refunded, fee, paidAt, null, null);
	}

	/** Paid minus fees where known, before any refund, never below zero. */
	public long netBeforeRefunds() {
		return Math.max(0, this.amountPaid - ((this.fee != null) ? this.fee : 0));
	}

	/** Paid minus refunds minus fees where known, never below zero. */
	public long net() {
		return Math.max(0, this.amountPaid - this.refunded - ((this.fee != null) ? this.fee : 0));
	}

}
