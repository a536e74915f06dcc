package io.newsstand.stripesandbox;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The hosted portal page's model: the reader's subscription as texts, the plan
 * to switch to, the invoice rows and the host's CSRF field.
 */
record PortalPage(PortalView view, @Nullable String error, @Nullable String periodEnd, @Nullable String nextPayment,
		String otherPrice, String otherLabel, List<InvoiceRow> invoices, @Nullable String csrfName,
		@Nullable String csrfValue) {

	/** One line of the invoice history. */
	record InvoiceRow(String date, String amount, String status) {
	}

	String action(String name) {
		return Sandbox.PATH + "/portal/" + this.view.id() + "/" + name;
	}

}
