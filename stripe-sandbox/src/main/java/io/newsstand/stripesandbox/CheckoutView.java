package io.newsstand.stripesandbox;

import org.jspecify.annotations.Nullable;

/**
 * What the hosted checkout page shows; {@code owner} is the account the session
 * was opened for (its {@code client_reference_id}, else its customer's
 * {@code metadata.accountId}), null when none.
 */
record CheckoutView(String id, @Nullable String owner, String status, String plan, long amount, String currency,
		String interval, long trialDays, boolean cardOptional, String successUrl, String cancelUrl) {
}
