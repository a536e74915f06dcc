package io.newsstand.stripesandbox;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the hosted portal page shows; {@code owner} is the customer's
 * {@code metadata.accountId}, {@code clock} its test clock when no other
 * customer lives on it.
 */
record PortalView(String id, @Nullable String owner, @Nullable String clock, @Nullable String email, String returnUrl,
		@Nullable String subscription, @Nullable String status, @Nullable String price, @Nullable String plan,
		boolean cancelAtPeriodEnd, @Nullable Instant periodEnd, @Nullable String card, List<Model.Invoice> invoices,
		long amount, @Nullable String currency) {
}
