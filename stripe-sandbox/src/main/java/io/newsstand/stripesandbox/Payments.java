package io.newsstand.stripesandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What paying an invoice leaves behind in Stripe: a payment intent, its charge
 * and the charge's balance transaction carrying Stripe's fee. The sandbox
 * charges every card the European standard rate, 1.5% + 25 minor units (25
 * cents for EUR), whatever the currency, so payouts see a realistic fee.
 */
final class Payments {

	/** The fee in thousandths of the amount, then the fixed part. */
	static final long FEE_PER_MILLE = 15;

	static final long FEE_FIXED = 25;

	private Payments() {
	}

	static final class PaymentIntent {

		String id = "";

		String customer = "";

		String invoice = "";

		long amount;

		String currency = "eur";

		String latestCharge = "";

		long created;

	}

	static final class Charge {

		String id = "";

		String paymentIntent = "";

		long amount;

		String currency = "eur";

		String balanceTransaction = "";

		long created;

	}

	static final class BalanceTransaction {

		String id = "";

		String source = "";

		long amount;

		long fee;

		String currency = "eur";

		long created;

	}

	/**
	 * Stripe's fee on a card charge of {@code amount} minor units, rounded half up.
	 */
	static long fee(long amount) {
		return (amount * FEE_PER_MILLE + 500) / 1000 + FEE_FIXED;
	}

	/**
	 * Records the payment of an invoice that charged money: the intent, charge and
	 * balance transaction, linked by id so {@code expand} can follow them.
	 */
	static void record(SandboxStore store, Model.Invoice invoice, long at) {
		if (invoice.amountPaid <= 0) {
			return;
		}
		PaymentIntent intent = new PaymentIntent();
		intent.id = store.newId("pi_");
		intent.customer = invoice.customer;
		intent.invoice = invoice.id;
		intent.amount = invoice.amountPaid;
		intent.currency = invoice.currency;
		intent.created = at;
		Charge charge = new Charge();
		charge.id = store.newId("ch_");
		charge.paymentIntent = intent.id;
		charge.amount = intent.amount;
		charge.currency = intent.currency;
		charge.created = at;
		BalanceTransaction balance = new BalanceTransaction();
		balance.id = store.newId("txn_");
		balance.source = charge.id;
		balance.amount = charge.amount;
		balance.fee = fee(charge.amount);
		balance.currency = charge.currency;
		balance.created = at;
		charge.balanceTransaction = balance.id;
		intent.latestCharge = charge.id;
		invoice.paymentIntent = intent.id;
		store.put(intent.id, intent);
		store.put(charge.id, charge);
		store.put(balance.id, balance);
	}

	/**
	 * The invoice's {@code payments} list. Stripe includes it only on request; the
	 * sandbox always does, which stripe-java reads the same way.
	 */
	static Map<String, Object> invoicePayments(Model.Invoice i) {
		List<Map<String, Object>> data = new ArrayList<>();
		if (i.paymentIntent != null) {
			Map<String, Object> payment = new LinkedHashMap<>();
			payment.put("id", "inpay_" + i.paymentIntent.substring(3));
			payment.put("object", "invoice_payment");
			payment.put("invoice", i.id);
			payment.put("status", "paid");
			payment.put("is_default", true);
			payment.put("amount_paid", i.amountPaid);
			payment.put("amount_requested", i.amountPaid);
			payment.put("currency", i.currency);
			payment.put("payment",
					new LinkedHashMap<>(Map.of("type", "payment_intent", "payment_intent", i.paymentIntent)));
			payment.put("livemode", false);
			data.add(payment);
		}
		return Renderer.list(data, false, "/v1/invoice_payments?invoice=" + i.id);
	}

	/** The invoice's one line: the subscription's period it pays for. */
	static Map<String, Object> invoiceLines(Model.Invoice i) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("id", "il_" + i.id.substring(3));
		line.put("object", "line_item");
		line.put("amount", i.amountDue);
		line.put("currency", i.currency);
		line.put("invoice", i.id);
		line.put("period", Map.of("start", i.periodStart, "end", i.periodEnd));
		line.put("livemode", false);
		return Renderer.list(new ArrayList<>(List.of(line)), false, "/v1/invoices/" + i.id + "/lines");
	}

	static @Nullable Map<String, Object> render(Object object) {
		return switch (object) {
			case PaymentIntent p -> {
				Map<String, Object> map = Renderer.base(p.id, "payment_intent", p.created);
				map.put("amount", p.amount);
				map.put("amount_received", p.amount);
				map.put("currency", p.currency);
				map.put("customer", p.customer);
				map.put("status", "succeeded");
				map.put("latest_charge", p.latestCharge);
				yield map;
			}
			case Charge c -> {
				Map<String, Object> map = Renderer.base(c.id, "charge", c.created);
				map.put("amount", c.amount);
				map.put("amount_captured", c.amount);
				map.put("currency", c.currency);
				map.put("paid", true);
				map.put("status", "succeeded");
				map.put("payment_intent", c.paymentIntent);
				map.put("balance_transaction", c.balanceTransaction);
				yield map;
			}
			case BalanceTransaction b -> {
				Map<String, Object> map = Renderer.base(b.id, "balance_transaction", b.created);
				map.put("amount", b.amount);
				map.put("fee", b.fee);
				map.put("net", b.amount - b.fee);
				map.put("currency", b.currency);
				map.put("source", b.source);
				map.put("type", "charge");
				map.put("status", "available");
				yield map;
			}
			default -> null;
		};
	}

	static @Nullable String idOf(Object object) {
		return switch (object) {
			case PaymentIntent p -> p.id;
			case Charge c -> c.id;
			case BalanceTransaction b -> b.id;
			default -> null;
		};
	}

}
