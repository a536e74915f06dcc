package io.newsstand.billing.internal;

import java.util.function.Supplier;

/**
 * Where billing reaches Stripe: key, API base and webhook secret. The API base
 * is resolved on first use, because the sandbox lives on the app's own port,
 * which is known only once the web server has started.
 *
 * @param secretKey
 *            the secret key sent to Stripe
 * @param apiBase
 *            the API base URL, resolved lazily
 * @param webhookSecret
 *            the secret webhook signatures are checked against
 * @param sandbox
 *            true when the built-in sandbox answers instead of Stripe
 */
public record StripeConnection(String secretKey, Supplier<String> apiBase, String webhookSecret, boolean sandbox) {

	/** The sandbox's path under the app's own port. */
	public static final String SANDBOX_PATH = "/sandbox/stripe";

	/** The webhook endpoint's path. */
	public static final String WEBHOOK_PATH = "/stripe/webhook";

}
