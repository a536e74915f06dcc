package io.newsstand.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.testing.RedisTestContextInitializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With a real Stripe key configured the sandbox does not exist:
 * {@code /sandbox/**} answers 404. A key without a webhook secret stops
 * start-up, naming the property.
 */
@BillingTest(properties = {"newsstand.billing.stripe-secret-key=sk_test_configured",
		"newsstand.billing.webhook-secret=whsec_configured"})
class SandboxSwitchTest {

	@LocalServerPort
	int port;

	@Test
	void sandboxAnswers404WhenARealKeyIsConfigured() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/sandbox/stripe/v1/prices"))
						.header("Authorization", "Bearer sk_test_x").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void aKeyWithoutWebhookSecretStopsStartUpNamingTheProperty() {
		Assertions.assertThatThrownBy(() -> {
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BillingTestApplication.class)
					.initializers(new RedisTestContextInitializer())
					.run("--server.port=0", "--newsstand.billing.stripe-secret-key=sk_test_configured")) {
				context.getBean(Billing.class);
			}
		}).rootCause().hasMessageContaining("newsstand.billing.webhook-secret")
				.hasMessageContaining("NEWSSTAND_BILLING_WEBHOOKSECRET");
	}

}
