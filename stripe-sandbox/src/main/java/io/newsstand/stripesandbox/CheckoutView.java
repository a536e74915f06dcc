package io.newsstand.stripesandbox;

import org.jspecify.annotations.Nullable;

/**
 * What the hosted checkout page shows; {@code owner} is the account the session
 * was opened for (its {@code client_reference_id}, else its customer's
 * {@code metadata.accountId}), null when none; {@code email} the customer's,
 * which the page fills in as Stripe's does.
 */
record CheckoutView(String id, @Nullable String owner, @Nullable String email, String status, String plan, long amount,
		String currency, String interval, long trialDays, boolean cardOptional, String successUrl, String cancelUrl) {
}
