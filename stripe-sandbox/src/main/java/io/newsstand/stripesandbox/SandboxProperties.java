package io.newsstand.stripesandbox;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox's settings. They keep the names they had when the sandbox lived
 * in billing ({@code newsstand.billing.sandbox-secret-key},
 * {@code newsstand.billing.webhook-secret},
 * {@code newsstand.billing.sandbox.*}), so one setting still configures both
 * ends: billing reads the key and the webhook secret too, as a Stripe client
 * reads what the Stripe dashboard shows. See docs/configuration.md.
 *
 * @param sandboxSecretKey
 *            the one secret key the sandbox accepts ({@code sk_test_...});
 *            blank: one generated at first start into the data directory
 * @param webhookSecret
 *            the secret webhooks are signed with; blank: one generated at first
 *            start into the data directory
 * @param sandbox
 *            delivery and storage settings
 * @param stripeSecretKey
 *            billing's real Stripe key; when set the sandbox stands aside
 * @param requireStripe
 *            billing must talk to Stripe (the {@code prod} profile): the
 *            sandbox stands aside
 */
@ConfigurationProperties("newsstand.billing")
public record SandboxProperties(@Nullable String sandboxSecretKey, @Nullable String webhookSecret,
		@DefaultValue Settings sandbox, @Nullable String stripeSecretKey,
		@DefaultValue("false") boolean requireStripe) {

	/** True when billing has a Stripe secret key of its own. */
	boolean stripeKeyConfigured() {
		return this.stripeSecretKey != null && !this.stripeSecretKey.isBlank();
	}

	/**
	 * Delivery and storage settings ({@code newsstand.billing.sandbox.*}).
	 *
	 * @param webhookRetryDelay
	 *            first delay before a failed webhook delivery is retried (doubled
	 *            per attempt)
	 * @param webhookMaxAttempts
	 *            delivery attempts per event
	 * @param dataDir
	 *            where the generated key and webhook secret are kept (next to the
	 *            embedded Redis's directory)
	 * @param maxEventsPerAdvance
	 *            the most events one test-clock advance may emit; a longer one is
	 *            refused
	 * @param webhookUrl
	 *            where webhooks are delivered; blank: the app's own
	 *            {@code /stripe/webhook} on loopback
	 */
	public record Settings(@DefaultValue("2s") Duration webhookRetryDelay, @DefaultValue("6") int webhookMaxAttempts,
			@DefaultValue("./data/stripe-sandbox") Path dataDir, @DefaultValue("100") int maxEventsPerAdvance,
			@Nullable String webhookUrl) {
	}

}
