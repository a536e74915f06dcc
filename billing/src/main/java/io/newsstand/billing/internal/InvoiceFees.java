package io.newsstand.billing.internal;

import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import java.util.function.Function;
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

	/**
	 * What the invoice list expands: its payments (includable), whose payment
	 * intents stay ids. Stripe expands at most four levels, so the rest of the
	 * chain comes from one payment intent retrieve per paid payment
	 * ({@link #INTENT_EXPAND}).
	 */
	static final String EXPAND = "data.payments";

	/** A payment intent retrieved with its charge and balance transaction. */
	static final String INTENT_EXPAND = "latest_charge.balance_transaction";

	private InvoiceFees() {
	}

	static @Nullable Long of(Invoice invoice) {
		return of(invoice, id -> null);
	}

	/**
	 * The fee, retrieving each payment intent the response names only by id (with
	 * {@link #INTENT_EXPAND}).
	 */
	static @Nullable Long of(Invoice invoice, Function<String, @Nullable PaymentIntent> intents) {
		if (invoice.getPayments() == null || invoice.getPayments().getData() == null) {
			return null;
		}
		long fees = 0;
		boolean known = false;
		for (InvoicePayment payment : invoice.getPayments().getData()) {
			Long fee = fee(payment, invoice.getCurrency(), intents);
			if (fee != null) {
				fees += fee;
				known = true;
			}
		}
		return known ? fees : null;
	}

	private static @Nullable Long fee(InvoicePayment payment, @Nullable String currency,
			Function<String, @Nullable PaymentIntent> intents) {
		if (!"paid".equals(payment.getStatus()) || payment.getPayment() == null) {
			return null;
		}
		PaymentIntent intent = payment.getPayment().getPaymentIntentObject();
		String intentId = payment.getPayment().getPaymentIntent();
		if (intent == null && intentId != null) {
			intent = intents.apply(intentId);
		}
		Charge charge = (intent != null) ? intent.getLatestChargeObject() : payment.getPayment().getChargeObject();
		BalanceTransaction balance = (charge != null) ? charge.getBalanceTransactionObject() : null;
		// The fee is in the currency the charge settled in; another currency than the
		// invoice's cannot be subtracted without converting, which payouts never do.
		return (balance != null && balance.getCurrency() != null && balance.getCurrency().equalsIgnoreCase(currency))
				? balance.getFee()
				: null;
	}

}
