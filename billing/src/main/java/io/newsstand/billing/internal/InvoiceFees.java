package io.newsstand.billing.internal;

import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import org.jspecify.annotations.Nullable;

/**
 * Stripe's fee on a paid invoice, where the response carries it. Since the 2025
 * API versions an invoice has no {@code charge}: the fee sits on
 * {@code payments.data[].payment.payment_intent.latest_charge.balance_transaction.fee},
 * each step an expandable object. Anything not expanded, a payment that is no
 * payment intent (an out-of-band payment), or a fee settled in another currency
 * than the invoice's makes that fee unknown: null, which payouts count as 0.
 */
final class InvoiceFees {

	private InvoiceFees() {
	}

	static @Nullable Long of(Invoice invoice) {
		if (invoice.getPayments() == null || invoice.getPayments().getData() == null) {
			return null;
		}
		long fees = 0;
		boolean known = false;
		for (InvoicePayment payment : invoice.getPayments().getData()) {
			Long fee = fee(payment, invoice.getCurrency());
			if (fee != null) {
				fees += fee;
				known = true;
			}
		}
		return known ? fees : null;
	}

	private static @Nullable Long fee(InvoicePayment payment, @Nullable String currency) {
		if (!"paid".equals(payment.getStatus()) || payment.getPayment() == null) {
			return null;
		}
		PaymentIntent intent = payment.getPayment().getPaymentIntentObject();
		Charge charge = (intent != null) ? intent.getLatestChargeObject() : payment.getPayment().getChargeObject();
		BalanceTransaction balance = (charge != null) ? charge.getBalanceTransactionObject() : null;
		// The fee is in the currency the charge settled in; another currency than the
		// invoice's cannot be subtracted without converting, which payouts never do.
		return (balance != null && balance.getCurrency() != null && balance.getCurrency().equalsIgnoreCase(currency))
				? balance.getFee()
				: null;
	}

}
