package io.newsstand.web.payouts;

import io.newsstand.billing.PaidInvoice;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a member paid in one currency in the month, as Stripe reports it now, so
 * "Where your money went" (page and API) shows the gross and Stripe's fee
 * beside the net it splits. Amounts in minor units of {@code currency}, each
 * with its formatted text, as the API's other money fields.
 *
 * @param currency
 *            ISO code, lower case
 * @param amountPaid
 *            paid in the month, minor units
 * @param amountPaidText
 *            the same, formatted
 * @param fee
 *            Stripe's fees on those payments, minor units; null when Stripe
 *            reported none
 * @param feeText
 *            the same, formatted; null when Stripe reported none
 * @param refunded
 *            refunded on those payments so far, minor units
 * @param refundedText
 *            the same, formatted
 */
public record MemberPayments(String currency, long amountPaid, String amountPaidText, @Nullable Long fee,
		@Nullable String feeText, long refunded, String refundedText) {

	/**
	 * The invoices paid in the month, by currency. A trial's invoice pays nothing
	 * and is no payment: it is left out.
	 */
	static List<MemberPayments> of(List<PaidInvoice> invoices) {
		Map<String, long[]> sums = new TreeMap<>();
		Map<String, Boolean> feeKnown = new TreeMap<>();
		for (PaidInvoice invoice : invoices) {
			if (invoice.amountPaid() <= 0) {
				continue;
			}
			long[] sum = sums.computeIfAbsent(invoice.currency(), c -> new long[3]);
			sum[0] += invoice.amountPaid();
			sum[1] += (invoice.fee() != null) ? invoice.fee() : 0;
			sum[2] += invoice.refunded();
			feeKnown.merge(invoice.currency(), invoice.fee() != null, Boolean::logicalOr);
		}
		return sums.entrySet().stream().map(entry -> {
			String currency = entry.getKey();
			long[] sum = entry.getValue();
			Long fee = feeKnown.get(currency) ? sum[1] : null;
			return new MemberPayments(currency, sum[0], Money.format(sum[0], currency), fee,
					(fee != null) ? Money.format(fee, currency) : null, sum[2], Money.format(sum[2], currency));
		}).toList();
	}

}
