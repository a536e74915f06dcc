package io.newsstand.stripesandbox;

import java.util.Map;
import java.util.Objects;

/**
 * Credit notes on paid invoices, as Stripe issues them for a refund: the
 * invoice's {@code post_payment_credit_notes_amount} grows by the note's
 * amount, which may not exceed what was paid and not yet credited. The note
 * carries its invoice's date, which is on the customer's test clock.
 */
final class CreditNotes {

	private final SandboxStore store;

	private final SandboxEvents emitter;

	CreditNotes(SandboxStore store, SandboxEvents emitter) {
		this.store = store;
		this.emitter = emitter;
	}

	Map<String, Object> create(StripeParams params) {
		return this.emitter.change(events -> {
			Model.Invoice invoice = this.store.get(Model.Invoice.class, "invoice", params.require("invoice"));
			String given = (params.get("amount") != null) ? params.get("amount") : params.get("refund_amount");
			if (given == null) {
				throw SandboxError.invalid("parameter_missing", "amount",
						"Missing required param: amount (or refund_amount).");
			}
			long amount = Long.parseLong(given);
			if (!invoice.status.equals("paid")) {
				throw SandboxError.invalid("invoice_not_paid", "invoice",
						"Only a paid invoice takes a post-payment credit note; " + invoice.id + " is " + invoice.status
								+ ".");
			}
			if (amount <= 0 || amount > invoice.amountPaid - invoice.creditedAfterPayment) {
				throw SandboxError.invalid("parameter_invalid_integer", "amount", "The credit note amount " + amount
						+ " must be positive and at most the invoice's uncredited amount paid.");
			}
			invoice.creditedAfterPayment += amount;
			Model.CreditNote note = new Model.CreditNote();
			note.id = this.store.newId("cn_");
			note.invoice = invoice.id;
			note.customer = invoice.customer;
			note.amount = amount;
			note.currency = invoice.currency;
			note.reason = Objects.requireNonNullElse(params.get("reason"), "");
			note.created = invoice.created;
			this.store.put(invoice.id, invoice);
			this.store.put(note.id, note);
			Map<String, Object> rendered = this.store.render(note);
			this.emitter.emit(events, "credit_note.created", note, null);
			return rendered;
		});
	}

}
