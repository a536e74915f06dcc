package io.newsstand.billing.internal.sandbox;

import com.stripe.Stripe;
import io.newsstand.billing.internal.BillingProperties;
import io.newsstand.billing.internal.ConditionalOnSandbox;
import io.newsstand.billing.internal.StripeConnection;
import java.time.InstantSource;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Creates the sandbox when no Stripe key is configured. Its state lives in
 * Redis (no HTTP at start-up); the app's port is looked up only when the first
 * webhook is sent. It obeys only the app's own sandbox key.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandbox
class SandboxConfiguration {

	@Bean(destroyMethod = "close")
	Sandbox stripeSandbox(StripeConnection connection, BillingProperties properties, StringRedisTemplate redis) {
		WebhookSender webhooks = new WebhookSender(() -> webhookUrl(connection.apiBase().get()),
				connection.webhookSecret(), properties.sandbox().webhookRetryDelay(),
				properties.sandbox().webhookMaxAttempts(), InstantSource.system());
		return new Sandbox(InstantSource.system(), Stripe.API_VERSION, redis, webhooks,
				properties.sandbox().maxEventsPerAdvance());
	}

	@Bean
	SandboxKey sandboxKey(StripeConnection connection) {
		return new SandboxKey(connection.secretKey());
	}

	@Bean
	SandboxFaults sandboxFaults() {
		return new SandboxFaults();
	}

	/**
	 * stripe-java sends Stripe's bracket notation unencoded in query strings
	 * ({@code lookup_keys[0]=...}), which Tomcat refuses by default.
	 */
	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> sandboxQueryBrackets() {
		return factory -> factory
				.addConnectorCustomizers(connector -> connector.setProperty("relaxedQueryChars", "[]"));
	}

	static String webhookUrl(String apiBase) {
		return apiBase.substring(0, apiBase.length() - StripeConnection.SANDBOX_PATH.length())
				+ StripeConnection.WEBHOOK_PATH;
	}

}
