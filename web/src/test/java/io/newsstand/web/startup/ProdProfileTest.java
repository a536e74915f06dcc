package io.newsstand.web.startup;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstand.NewsstandApplication;
import io.newsstand.testing.RedisTestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The {@code prod} profile never runs on the Stripe sandbox: without a Stripe
 * key (a misspelt variable, say) the app refuses to start, naming the settings.
 */
class ProdProfileTest {

	@TempDir
	Path data;

	@Test
	void theProdProfileWithoutAStripeKeyFailsStartUpNamingTheProperty() {
		String redis = RedisTestServer.get().leaseDatabase().url();
		assertThatThrownBy(() -> new SpringApplicationBuilder(NewsstandApplication.class).profiles("prod")
				.run("--server.port=0", "--newsstand.redis.url=" + redis,
						"--newsstand.search.index-dir=" + this.data.resolve("search"),
						"--newsstand.billing.sandbox.data-dir=" + this.data.resolve("stripe-sandbox"),
						"--newsstand.aggregator.polling-enabled=false")
				.close()).rootCause().hasMessageContaining("newsstand.billing.require-stripe")
				.hasMessageContaining("NEWSSTAND_BILLING_STRIPESECRETKEY");
	}

}
