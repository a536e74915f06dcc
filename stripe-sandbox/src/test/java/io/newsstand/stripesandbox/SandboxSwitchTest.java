package io.newsstand.stripesandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.testing.RedisTestContextInitializer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sandbox exists only where billing may run without Stripe: with a Stripe
 * key configured, with {@code require-stripe}, or under the {@code prod}
 * profile it has no beans and its routes answer 404, even for its own key.
 */
class SandboxSwitchTest {

	private static final String KEY = "sk_test_switch_0123456789abcdef";

	private static final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path data;

	private ConfigurableApplicationContext start(String... args) {
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--newsstand.billing.sandbox-secret-key=" + KEY,
				"--newsstand.billing.sandbox.data-dir=" + this.data));
		all.addAll(Arrays.asList(args));
		return new SpringApplicationBuilder(SandboxTestApplication.class)
				.initializers(new RedisTestContextInitializer()).run(all.toArray(String[]::new));
	}

	private static int prices(ConfigurableApplicationContext app) throws Exception {
		String port = app.getEnvironment().getProperty("local.server.port");
		return http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/stripe/v1/prices"))
						.header("Authorization", "Bearer " + KEY).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
	}

	private static List<String> sandboxBeans(ConfigurableApplicationContext app) {
		return Arrays.stream(app.getBeanDefinitionNames())
				.filter(name -> app.getType(name) != null
						&& app.getType(name).getPackageName().equals(Sandbox.class.getPackageName())
						&& app.getType(name) != SandboxTestApplication.class
						&& app.getType(name) != SandboxProperties.class)
				.toList();
	}

	@Test
	void withoutAStripeKeyTheSandboxAnswers() throws Exception {
		try (ConfigurableApplicationContext app = start()) {
			assertThat(app.getBeansOfType(Sandbox.class)).hasSize(1);
			assertThat(prices(app)).isEqualTo(200);
		}
	}

	@Test
	void aRealStripeKeyLeavesNoSandboxBeansAndNoRoutes() throws Exception {
		try (ConfigurableApplicationContext app = start("--newsstand.billing.stripe-secret-key=sk_test_real_key")) {
			assertThat(sandboxBeans(app)).isEmpty();
			assertThat(prices(app)).isEqualTo(404);
		}
	}

	@Test
	void theProdProfileLeavesNoSandboxBeansAndNoRoutes() throws Exception {
		try (ConfigurableApplicationContext app = start("--spring.profiles.active=prod")) {
			assertThat(sandboxBeans(app)).isEmpty();
			assertThat(prices(app)).isEqualTo(404);
		}
	}

	@Test
	void requireStripeLeavesNoSandboxBeansAndNoRoutes() throws Exception {
		try (ConfigurableApplicationContext app = start("--newsstand.billing.require-stripe=true")) {
			assertThat(sandboxBeans(app)).isEmpty();
			assertThat(prices(app)).isEqualTo(404);
		}
	}

}
