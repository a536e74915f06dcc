package io.newsstand.stripesandbox;

import com.stripe.Stripe;
import java.time.InstantSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Creates the sandbox when billing has no Stripe key (and is not in
 * production). Its state lives in Redis (no HTTP at start-up); the app's port
 * is looked up only when the first webhook is sent. It obeys only its own key
 * and signs webhooks with its own secret ({@link SandboxSecrets}), which
 * billing reads from the same settings or files: the two share no code.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnStripeSandbox
@EnableConfigurationProperties(SandboxProperties.class)
class SandboxConfiguration {

	/** Where billing listens for Stripe's webhooks on the app's own port. */
	static final String WEBHOOK_PATH = "/stripe/webhook";

	@Bean(destroyMethod = "close")
	WebhookSender sandboxWebhooks(SandboxProperties properties, Environment environment) {
		SandboxProperties.Settings settings = properties.sandbox();
		return new WebhookSender(() -> webhookUrl(settings, environment), SandboxSecrets.webhookSecret(properties),
				settings.webhookRetryDelay(), settings.webhookMaxAttempts(), InstantSource.system());
	}

	@Bean
	SandboxResources sandboxResources(SandboxProperties properties, StringRedisTemplate redis, WebhookSender webhooks) {
		return SandboxResources.create(InstantSource.system(), Stripe.API_VERSION, redis, webhooks,
				properties.sandbox().maxEventsPerAdvance());
	}

	/** Not closed itself: closing the webhook sender is its close. */
	@Bean(destroyMethod = "")
	Sandbox stripeSandbox(SandboxResources resources, WebhookSender webhooks) {
		return new Sandbox(resources.events(), webhooks);
	}

	@Bean
	SandboxKey sandboxKey(SandboxProperties properties) {
		return new SandboxKey(SandboxSecrets.secretKey(properties));
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

	/**
	 * The hosted pages' style sheet and script: files, as the site's CSP allows no
	 * inline style or script.
	 */
	@Bean
	WebMvcConfigurer sandboxAssets() {
		return new WebMvcConfigurer() {
			@Override
			public void addResourceHandlers(ResourceHandlerRegistry registry) {
				registry.addResourceHandler(Sandbox.PATH + "/assets/**")
						.addResourceLocations("classpath:/io/newsstand/stripesandbox/assets/");
			}
		};
	}

	static String webhookUrl(SandboxProperties.Settings settings, Environment environment) {
		if (settings.webhookUrl() != null && !settings.webhookUrl().isBlank()) {
			return settings.webhookUrl();
		}
		String port = environment.getProperty("local.server.port");
		if (port == null) {
			throw new IllegalStateException("The Stripe sandbox delivers webhooks to the app's own port, which is not"
					+ " known before the web server has started");
		}
		return "http://127.0.0.1:" + port + WEBHOOK_PATH;
	}

}
