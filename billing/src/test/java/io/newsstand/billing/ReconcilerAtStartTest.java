package io.newsstand.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsstand.stripesandbox.Sandbox;
import io.newsstand.stripesandbox.SandboxFaults;
import io.newsstand.testing.RedisTestContextInitializer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.test.context.ContextConfiguration;

/**
 * With the default schedule, the Reconciler's first run comes within a minute
 * of start (webhooks get lost in crashes, so right after a restart is when it
 * matters) and heals checkouts whose webhooks were lost, with nobody calling
 * it.
 */
@SpringBootTest(classes = {BillingTestApplication.class,
		ReconcilerAtStartTest.Scheduling.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
				"newsstand.billing.sandbox.webhook-max-attempts=1", "newsstand.billing.max-network-retries=0",
				"newsstand.billing.reconcile-interval=1h"})
@ContextConfiguration(initializers = RedisTestContextInitializer.class)
class ReconcilerAtStartTest {

	/** As the app (NewsstandApplication) runs its schedules. */
	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class Scheduling {

	}

	@LocalServerPort
	int port;

	@Autowired
	Billing billing;

	@Autowired
	Sandbox sandbox;

	@Autowired
	SandboxFaults faults;

	@Test
	void aReconcilerRunSoonAfterStartHealsLostWebhooks() throws Exception {
		long started = System.nanoTime();
		List<String> accounts = LostWebhookTest.checkoutsWithLostWebhooks(this.billing,
				BillingTestSupport.of(this.port, this.sandbox), this.faults, 2);

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(
				() -> assertThat(accounts).allSatisfy(account -> assertThat(this.billing.membership(account).state())
						.as(account).isEqualTo(MembershipState.TRIALING)));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
	}

}
