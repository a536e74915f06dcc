package io.newsstand.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;

class StripeGatewayTest {

	static BillingProperties properties() {
		return new Binder(ConfigurationPropertySources.get(new StandardEnvironment())).bindOrCreate("newsstand.billing",
				BillingProperties.class);
	}

	@Test
	void defaultsAreTwoRetriesFiveSecondConnectAndTwentySecondReadTimeouts() {
		BillingProperties properties = properties();
		assertThat(properties.maxNetworkRetries()).isEqualTo(2);
		assertThat(properties.connectTimeout()).hasSeconds(5);
		assertThat(properties.readTimeout()).hasSeconds(20);
		assertThat(properties.webhookTolerance()).hasSeconds(300);
		assertThat(properties.pastDueGrace()).hasDays(7);
		assertThat(properties.trialDays()).isEqualTo(14);
	}

	@Test
	void stripeDownIsARetryableFailure() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		String base = "http://127.0.0.1:" + port + "/sandbox/stripe";
		StripeGateway gateway = new StripeGateway(
				new StripeConnection(() -> "sk_test_x", () -> base, () -> "whsec_x", true), properties());
		assertThatThrownBy(() -> gateway.price("newsstand_monthly")).isInstanceOfSatisfying(StripeRecords.Failure.class,
				failure -> assertThat(failure.retryable()).isTrue());
	}

	@Test
	void aBadSignatureIsRejectedBeforeAnythingIsRead() {
		StripeGateway gateway = new StripeGateway(
				new StripeConnection(() -> "sk_test_x", () -> "http://127.0.0.1:9", () -> "whsec_x", true),
				properties());
		assertThatThrownBy(() -> gateway.verify("{\"id\":\"evt_1\",\"object\":\"event\"}", "t=1,v1=00"))
				.isInstanceOf(StripeRecords.BadSignature.class);
	}

}
