package io.newsstand.billing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What billing needs to talk to the Stripe sandbox, read as a developer copies
 * keys from Stripe's dashboard: the configured value, else the file the sandbox
 * writes into its data directory at start ({@code secret-key},
 * {@code webhook-secret}). Billing shares no code with the sandbox; these
 * settings and files are the whole contract.
 */
final class SandboxCredentials {

	static final String KEY_FILE = "secret-key";

	static final String WEBHOOK_SECRET_FILE = "webhook-secret";

	private SandboxCredentials() {
	}

	static String secretKey(BillingProperties properties) {
		String configured = properties.sandboxSecretKey();
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		return read(properties, KEY_FILE, "newsstand.billing.sandbox-secret-key (NEWSSTAND_BILLING_SANDBOXSECRETKEY)");
	}

	static String webhookSecret(BillingProperties properties) {
		String configured = properties.webhookSecret();
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		return read(properties, WEBHOOK_SECRET_FILE,
				"newsstand.billing.webhook-secret (NEWSSTAND_BILLING_WEBHOOKSECRET)");
	}

	private static String read(BillingProperties properties, String name, String property) {
		Path file = properties.sandbox().dataDir().resolve(name).toAbsolutePath().normalize();
		try {
			return Files.readString(file, StandardCharsets.UTF_8).trim();
		} catch (NoSuchFileException missing) {
			throw new IllegalStateException("Billing runs against the Stripe sandbox (no"
					+ " newsstand.billing.stripe-secret-key) but the sandbox has not written " + file
					+ ": is the stripe-sandbox module on the classpath and newsstand.billing.sandbox.data-dir"
					+ " (NEWSSTAND_BILLING_SANDBOX_DATADIR) the same for both? Or set " + property, missing);
		} catch (IOException ex) {
			throw new IllegalStateException(
					"Cannot read the Stripe sandbox's " + file + " (" + ex + "): set " + property, ex);
		}
	}

}
