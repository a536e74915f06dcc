package io.newsstand.billing.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Billing configuration ({@code newsstand.billing.*}); see
 * docs/configuration.md.
 *
 * @param stripeSecretKey
 *            Stripe secret key; blank runs against the built-in Stripe sandbox
 * @param webhookSecret
 *            the webhook endpoint's signing secret ({@code whsec_...});
 *            required with a real key, generated for the sandbox
 * @param apiBase
 *            Stripe API base URL; blank means Stripe itself (or the sandbox)
 * @param monthlyPrice
 *            the monthly plan: a price id ({@code price_...}) or a lookup key
 * @param yearlyPrice
 *            the yearly plan: a price id or a lookup key
 * @param trialDays
 *            length of the free trial offered to first-time readers
 * @param cardlessTrial
 *            start trials without a card (cancelled at trial end if none is
 *            added)
 * @param pastDueGrace
 *            how long a reader keeps reading after the first failed payment
 * @param reconcileInterval
 *            how often every non-final membership (and every account with a
 *            checkout started in the last 48 h) is re-read from Stripe
 * @param reconcileInitialDelay
 *            when the first reconcile runs after start (at most a minute, so
 *            webhooks lost to a crash heal soon)
 * @param webhookTolerance
 *            oldest accepted webhook signature timestamp
 * @param maxNetworkRetries
 *            SDK retries of network errors and 5xx answers
 * @param connectTimeout
 *            SDK connect timeout
 * @param readTimeout
 *            SDK read timeout
 * @param testClocks
 *            give every new customer a test clock of its own (test mode only;
 *            on by default with the sandbox)
 * @param cardFingerprintCheck
 *            end a trial at once when its card already paid for another
 *            account's trial
 * @param sandboxSecretKey
 *            the one secret key the sandbox accepts ({@code sk_test_...}),
 *            which billing sends; blank: the one the sandbox generated into its
 *            data directory
 * @param requireStripe
 *            refuse to start without a Stripe secret key (set by the
 *            {@code prod} profile), so that the sandbox never stands in by
 *            mistake
 * @param sandbox
 *            where the sandbox keeps its generated secrets
 */
@ConfigurationProperties("newsstand.billing")
public record BillingProperties(@Nullable String stripeSecretKey, @Nullable String webhookSecret,
		@Nullable String apiBase, @DefaultValue("newsstand_monthly") String monthlyPrice,
		@DefaultValue("newsstand_yearly") String yearlyPrice, @DefaultValue("14") int trialDays,
		@DefaultValue("false") boolean cardlessTrial, @DefaultValue("7d") Duration pastDueGrace,
		@DefaultValue("1h") Duration reconcileInterval, @DefaultValue("30s") Duration reconcileInitialDelay,
		@DefaultValue("300s") Duration webhookTolerance, @DefaultValue("2") int maxNetworkRetries,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("20s") Duration readTimeout,
		@Nullable Boolean testClocks, @DefaultValue("true") boolean cardFingerprintCheck,
		@Nullable String sandboxSecretKey, @DefaultValue("false") boolean requireStripe,
		@DefaultValue Sandbox sandbox) {

	/**
	 * Stripe's SDK skips the timestamp check for a tolerance under one second: a
	 * signed event captured once would then be accepted forever.
	 */
	public BillingProperties {
		if (webhookTolerance.compareTo(Duration.ofSeconds(1)) < 0
				|| webhookTolerance.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException(
					"newsstand.billing.webhook-tolerance (NEWSSTAND_BILLING_WEBHOOKTOLERANCE)"
							+ " must be between 1s and 1h (Stripe's own default is 300s); it was " + webhookTolerance);
		}
	}

	/** True when no secret key is configured: the app talks to its own sandbox. */
	public boolean sandboxActive() {
		return this.stripeSecretKey == null || this.stripeSecretKey.isBlank();
	}

	/**
	 * Where billing finds the sandbox's generated key and webhook secret (the
	 * sandbox's own settings under {@code newsstand.billing.sandbox.*} are its own,
	 * see the stripe-sandbox module).
	 *
	 * @param dataDir
	 *            the sandbox's data directory
	 */
	public record Sandbox(@DefaultValue("./data/stripe-sandbox") Path dataDir) {
	}

}
