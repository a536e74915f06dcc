package io.newsstand.billing.internal;

import com.stripe.Stripe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Billing's beans: where Stripe is (the real API with a configured key, the
 * sandbox on the app's own port otherwise), and the access rule. Billing's
 * "now" is the application's one {@link java.time.InstantSource} bean, the
 * system clock where the context has none.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BillingProperties.class)
class BillingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(BillingConfiguration.class);

	@Bean
	StripeConnection stripeConnection(BillingProperties properties, Environment environment) {
		if (properties.sandboxActive() && properties.requireStripe()) {
			throw new IllegalStateException("newsstand.billing.require-stripe is true (the prod profile) but"
					+ " newsstand.billing.stripe-secret-key (NEWSSTAND_BILLING_STRIPESECRETKEY) is blank: set the"
					+ " Stripe secret key, or run without the prod profile to use the Stripe sandbox");
		}
		if (properties.sandboxActive()) {
			log.info("Billing: no Stripe key configured; payments are simulated by the Stripe sandbox at {}",
					StripeConnection.SANDBOX_PATH);
			return new StripeConnection(() -> SandboxCredentials.secretKey(properties),
					() -> sandboxBase(properties, environment), () -> SandboxCredentials.webhookSecret(properties),
					true);
		}
		String key = properties.stripeSecretKey();
		if (!key.startsWith("sk_") && !key.startsWith("rk_")) {
			throw new IllegalStateException(
					"newsstand.billing.stripe-secret-key (NEWSSTAND_BILLING_STRIPESECRETKEY) must be a Stripe secret"
							+ " key starting with sk_ or rk_");
		}
		if (properties.webhookSecret() == null || !properties.webhookSecret().startsWith("whsec_")) {
			throw new IllegalStateException(
					"newsstand.billing.webhook-secret (NEWSSTAND_BILLING_WEBHOOKSECRET) must be set to the webhook"
							+ " endpoint's signing secret (whsec_...) when a Stripe key is configured");
		}
		String base = (properties.apiBase() == null || properties.apiBase().isBlank())
				? Stripe.LIVE_API_BASE
				: properties.apiBase();
		log.info("Billing: Stripe {} mode at {}", key.startsWith("sk_live_") ? "live" : "test", base);
		String webhookSecret = properties.webhookSecret();
		return new StripeConnection(() -> key, () -> base, () -> webhookSecret, false);
	}

	private static String sandboxBase(BillingProperties properties, Environment environment) {
		if (properties.apiBase() != null && !properties.apiBase().isBlank()) {
			return properties.apiBase();
		}
		String port = environment.getProperty("local.server.port");
		if (port == null) {
			throw new IllegalStateException("The Stripe sandbox is reached on the app's own port, which is not"
					+ " known before the web server has started");
		}
		return "http://127.0.0.1:" + port + StripeConnection.SANDBOX_PATH;
	}

	@Bean
	AccessRule accessRule(BillingProperties properties) {
		return new AccessRule(properties.pastDueGrace());
	}

	/** The lease on the reconcile (and its trial reminders), held by one node. */
	@Bean
	JobLease billingJobLease(RedisConnectionFactory connections, ObjectProvider<MeterRegistry> registry) {
		return new JobLease(connections, BillingKeys.JOB_LEASES, "billing",
				registry.getIfAvailable(SimpleMeterRegistry::new));
	}

}
