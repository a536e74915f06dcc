package io.newsstand.web.payouts;

import io.newsstand.billing.PaidInvoice;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a member paid in one currency in the month, as Stripe reports it, so
 * "Where your money went" can show the gross and Stripe's fee beside the net it
 * splits. Shown on the page only; the API's split is unchanged.
 *
 * @param currency
 *            ISO code, lower case
 * @param paidText
 *            the amounts paid in the month, formatted
 * @param feeText
 *            Stripe's fees on them, formatted; null when Stripe reported none
 * @param refundedText
 *            refunded so far, formatted; null when nothing was refunded
 */
public record MemberPayments(String currency, String paidText, @Nullable String feeText,
		@Nullable String refundedText) {

	/** The invoices paid in the month, by currency. */
	static Map<String, MemberPayments> of(List<PaidInvoice> invoices) {
		Map<String, long[]> sums = new TreeMap<>();
		Map<String, Boolean> feeKnown = new TreeMap<>();
		for (PaidInvoice invoice : invoices) {
			long[] sum = sums.computeIfAbsent(invoice.currency(), c -> new long[3]);
			sum[0] += invoice.amountPaid();
			sum[1] += (invoice.fee() != null) ? invoice.fee() : 0;
			sum[2] += invoice.refunded();
			feeKnown.merge(invoice.currency(), invoice.fee() != null, Boolean::logicalOr);
		}
		Map<String, MemberPayments> payments = new TreeMap<>();
		sums.forEach((currency, sum) -> payments.put(currency,
				new MemberPayments(currency, Money.format(sum[0], currency),
						feeKnown.get(currency) ? Money.format(sum[1], currency) : null,
						(sum[2] > 0) ? Money.format(sum[2], currency) : null)));
		return payments;
	}

}
