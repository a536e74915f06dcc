package io.newsstand.billing.internal;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Where billing reaches Stripe: key, API base and webhook secret. With the
 * sandbox all three are resolved on first use: the sandbox lives on the app's
 * own port, known only once the web server has started, and writes its key and
 * webhook secret when it starts (see {@link SandboxCredentials}).
 */
public final class StripeConnection {

	/** The sandbox's path under the app's own port. */
	public static final String SANDBOX_PATH = "/sandbox/stripe";

	/** The webhook endpoint's path. */
	public static final String WEBHOOK_PATH = "/stripe/webhook";

	private final Supplier<String> secretKey;

	private final Supplier<String> apiBase;

	private final Supplier<String> webhookSecret;

	private final boolean sandbox;

	/**
	 * @param secretKey
	 *            the secret key sent to Stripe
	 * @param apiBase
	 *            the API base URL
	 * @param webhookSecret
	 *            the secret webhook signatures are checked against
	 * @param sandbox
	 *            true when the sandbox answers instead of Stripe
	 */
	StripeConnection(Supplier<String> secretKey, Supplier<String> apiBase, Supplier<String> webhookSecret,
			boolean sandbox) {
		this.secretKey = once(secretKey);
		this.apiBase = once(apiBase);
		this.webhookSecret = once(webhookSecret);
		this.sandbox = sandbox;
	}

	/** The secret key sent to Stripe. */
	public String secretKey() {
		return this.secretKey.get();
	}

	/** The API base URL, resolved on first use. */
	public Supplier<String> apiBase() {
		return this.apiBase;
	}

	/** The secret webhook signatures are checked against. */
	public String webhookSecret() {
		return this.webhookSecret.get();
	}

	/** True when the sandbox answers instead of Stripe. */
	public boolean sandbox() {
		return this.sandbox;
	}

	/** Resolves a value once, on first use, and keeps it (a failure is retried). */
	private static Supplier<String> once(Supplier<String> resolve) {
		return new Supplier<>() {

			private volatile @Nullable String value;

			@Override
			public String get() {
				String current = this.value;
				if (current == null) {
					current = resolve.get();
					this.value = current;
				}
				return current;
			}
		};
	}

}
