package io.newsstand.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstand.billing.internal.StripeConnection;
import io.newsstand.testing.RedisTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where the sandbox's one key comes from: generated at first start into the
 * data directory and the same after a restart; a configured key wins (and the
 * file's key is then refused). With {@code require-stripe} the app does not
 * start on the sandbox at all.
 */
class SandboxKeyTest {

	private static final HttpClient http = HttpClient.newHttpClient();

	/** One database for every start: a restart finds the Redis it left. */
	private static final String REDIS = RedisTestServer.get().leaseDatabase().url();

	@TempDir
	Path data;

	private static ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 2];
		all[0] = "--server.port=0";
		all[1] = "--spring.data.redis.url=" + REDIS;
		System.arraycopy(args, 0, all, 2, args.length);
		return new SpringApplicationBuilder(BillingTestApplication.class).run(all);
	}

	private static int customers(ConfigurableApplicationContext app, String key) throws Exception {
		String port = app.getEnvironment().getProperty("local.server.port");
		return http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/stripe/v1/customers"))
						.header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString())
				.statusCode();
	}

	@Test
	void theGeneratedKeySurvivesARestartAndAConfiguredKeyWins() throws Exception {
		String dataDir = "--newsstand.billing.sandbox.data-dir=" + this.data;
		String generated;
		try (ConfigurableApplicationContext app = start("--newsstand.billing.sandbox-secret-key=", dataDir)) {
			generated = app.getBean(StripeConnection.class).secretKey();
			assertThat(generated).startsWith("sk_test_").hasSizeGreaterThan(40);
			assertThat(Files.readString(this.data.resolve("secret-key")).trim()).isEqualTo(generated);
			assertThat(customers(app, generated)).isEqualTo(200);
		}
		try (ConfigurableApplicationContext app = start("--newsstand.billing.sandbox-secret-key=", dataDir)) {
			assertThat(app.getBean(StripeConnection.class).secretKey()).isEqualTo(generated);
			assertThat(customers(app, generated)).isEqualTo(200);
		}
		String configured = "sk_test_configured_0123456789abcdef";
		try (ConfigurableApplicationContext app = start("--newsstand.billing.sandbox-secret-key=" + configured,
				dataDir)) {
			assertThat(app.getBean(StripeConnection.class).secretKey()).isEqualTo(configured);
			assertThat(customers(app, configured)).isEqualTo(200);
			assertThat(customers(app, generated)).isEqualTo(401);
		}
	}

	@Test
	void aConfiguredKeyThatIsNotATestKeyStopsStartUpNamingTheProperty() {
		assertThatThrownBy(() -> start("--newsstand.billing.sandbox-secret-key=sk_live_0123456789abcdefgh").close())
				.rootCause().hasMessageContaining("newsstand.billing.sandbox-secret-key")
				.hasMessageContaining("NEWSSTAND_BILLING_SANDBOXSECRETKEY");
	}

	@Test
	void aWebhookToleranceThatWouldSwitchOffTheTimestampCheckStopsStartUpNamingTheProperty() {
		for (String tolerance : new String[]{"0s", "500ms", "-5m", "2d"}) {
			assertThatThrownBy(() -> start("--newsstand.billing.webhook-tolerance=" + tolerance).close()).as(tolerance)
					.rootCause().hasMessageContaining("newsstand.billing.webhook-tolerance")
					.hasMessageContaining("NEWSSTAND_BILLING_WEBHOOKTOLERANCE");
		}
	}

	@Test
	void requireStripeWithoutAKeyStopsStartUpNamingTheProperties() {
		assertThatThrownBy(() -> start("--newsstand.billing.require-stripe=true").close()).rootCause()
				.hasMessageContaining("newsstand.billing.require-stripe")
				.hasMessageContaining("NEWSSTAND_BILLING_STRIPESECRETKEY");
	}

}
