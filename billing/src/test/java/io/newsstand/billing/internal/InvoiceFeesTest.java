package io.newsstand.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.model.Invoice;
import com.stripe.model.PaymentIntent;
import com.stripe.net.ApiResource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stripe's fee read from an invoice as the API returns it with its payment
 * chain expanded (parsed by the SDK itself), and unknown (null, counted as 0)
 * wherever the chain is not there or the fee is in another currency.
 */
class InvoiceFeesTest {

	private static Invoice invoice(String payments) {
		return ApiResource.GSON.fromJson(
				"{\"id\":\"in_1\",\"object\":\"invoice\",\"currency\":\"eur\",\"amount_paid\":900" + payments + "}",
				Invoice.class);
	}

	private static String payment(String status, String balanceTransaction) {
		return "{\"object\":\"invoice_payment\",\"status\":\"" + status + "\",\"payment\":{\"type\":\"payment_intent\","
				+ "\"payment_intent\":{\"id\":\"pi_1\",\"object\":\"payment_intent\",\"latest_charge\":{\"id\":\"ch_1\","
				+ "\"object\":\"charge\",\"balance_transaction\":" + balanceTransaction + "}}}}";
	}

	private static String balance(String currency, long fee) {
		return "{\"id\":\"txn_1\",\"object\":\"balance_transaction\",\"currency\":\"" + currency + "\",\"fee\":" + fee
				+ "}";
	}

	@Test
	void theFeeOfTheExpandedBalanceTransactionIsTheInvoicesFee() {
		assertThat(InvoiceFees.of(
				invoice(",\"payments\":{\"object\":\"list\",\"data\":[" + payment("paid", balance("eur", 39)) + "]}")))
				.isEqualTo(39L);
	}

	@Test
	void feesOfSeveralPaidPaymentsAddUpAndAFailedOneCountsNothing() {
		assertThat(InvoiceFees
				.of(invoice(",\"payments\":{\"object\":\"list\",\"data\":[" + payment("paid", balance("eur", 30)) + ","
						+ payment("paid", balance("eur", 9)) + "," + payment("canceled", balance("eur", 100)) + "]}")))
				.isEqualTo(39L);
	}

	@Test
	void aFeeIsUnknownWhenTheChainIsNotExpandedOrInAnotherCurrency() {
		assertThat(InvoiceFees.of(invoice(""))).as("no payments").isNull();
		assertThat(InvoiceFees
				.of(invoice(",\"payments\":{\"object\":\"list\",\"data\":[" + payment("paid", "\"txn_1\"") + "]}")))
				.as("balance transaction not expanded").isNull();
		assertThat(InvoiceFees.of(
				invoice(",\"payments\":{\"object\":\"list\",\"data\":[" + payment("paid", balance("usd", 45)) + "]}")))
				.as("settled in dollars").isNull();
	}

	@Test
	void aPaymentIntentNamedByIdIsRetrievedOnceWithItsFee() {
		String byId = "{\"object\":\"invoice_payment\",\"status\":\"paid\",\"payment\":{\"type\":\"payment_intent\","
				+ "\"payment_intent\":\"pi_7\"}}";
		List<String> retrieved = new ArrayList<>();
		Long fee = InvoiceFees.of(invoice(",\"payments\":{\"object\":\"list\",\"data\":[" + byId + "]}"), id -> {
			retrieved.add(id);
			return ApiResource.GSON.fromJson("{\"id\":\"" + id + "\",\"object\":\"payment_intent\",\"latest_charge\":"
					+ "{\"id\":\"ch_7\",\"object\":\"charge\",\"balance_transaction\":" + balance("eur", 39) + "}}",
					PaymentIntent.class);
		});
		assertThat(fee).isEqualTo(39L);
		assertThat(retrieved).containsExactly("pi_7");
		assertThat(InvoiceFees.of(invoice(",\"payments\":{\"object\":\"list\",\"data\":[" + byId + "]}")))
				.as("nothing to retrieve with").isNull();
	}

}
