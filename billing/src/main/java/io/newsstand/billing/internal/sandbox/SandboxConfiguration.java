package io.newsstand.billing.internal.sandbox;

import com.stripe.Stripe;
import io.newsstand.billing.internal.BillingProperties;
import io.newsstand.billing.internal.ConditionalOnSandbox;
import io.newsstand.billing.internal.StripeConnection;
import java.time.InstantSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Creates the sandbox when no Stripe key is configured. Its state is built in
 * memory at start-up (no HTTP); the app's port is looked up only when the first
 * webhook is sent.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandbox
class SandboxConfiguration {

	@Bean(destroyMethod = "close")
	Sandbox stripeSandbox(StripeConnection connection, BillingProperties properties) {
		WebhookSender webhooks = new WebhookSender(() -> webhookUrl(connection.apiBase().get()),
				connection.webhookSecret(), properties.sandbox().webhookRetryDelay(),
				properties.sandbox().webhookMaxAttempts(), InstantSource.system());
		return new Sandbox(InstantSource.system(), Stripe.API_VERSION, connection.apiBase(), webhooks);
	}

	@Bean(initMethod = "load")
	@ConditionalOnProperty(name = "newsstand.billing.sandbox.persist", havingValue = "true", matchIfMissing = true)
	SandboxPersistence sandboxPersistence(Sandbox sandbox, StringRedisTemplate redis) {
		return new SandboxPersistence(sandbox, redis);
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
