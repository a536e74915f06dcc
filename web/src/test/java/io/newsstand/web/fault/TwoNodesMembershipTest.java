package io.newsstand.web.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsstand.testing.RedisProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two app nodes on one external Redis, sharing one sandbox: a reader who pays
 * through node A is a member on node B at once, and B's Reconciler, run again
 * and again while the test watches, never resets that member to {@code none}
 * (issue 13: B had not seen the objects A created, and said "does not exist at
 * Stripe").
 */
class TwoNodesMembershipTest {

	@Test
	void aMemberWhoPaidOnNodeAReadsInFullOnNodeBAndBsReconcilerKeepsTheMembership(@TempDir Path dir) throws Exception {
		try (RedisProcess redis = RedisProcess.start(Files.createDirectories(dir.resolve("redis-server")));
				AppProcess a = node(dir.resolve("a"), redis, "30s");
				AppProcess b = node(dir.resolve("b"), redis, "1s")) {
			Subscriber reader = Subscriber.signUp(a);
			reader.pay(a);

			// B's Reconciler runs every second (and the account, with its checkout
			// pending, is one it reconciles), whatever A's webhooks have done yet.
			await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
					.until(() -> "trialing".equals(reader.state(b)));
			await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
					.untilAsserted(() -> assertThat(reader.state(b)).as("membership on B").isEqualTo("trialing"));
			assertThat(b.log()).as("B's Reconciler ran and found nothing missing").doesNotContain("does not exist")
					.doesNotContain("Reconcile of account");
			String paidArticle = Subscriber.paidArticle(b);
			String article = b.get("/api/v1/articles/" + paidArticle, "Authorization", "Bearer " + reader.token).body();
			assertThat(article).as("a paid article on B").contains("\"access\":\"full\"", "\"reason\":\"member\"");
			assertThat(reader.atStripe(b)).as("customer and trialing subscription, seen from B").containsExactly(1, 1);
			assertThat(reader.state(a)).as("membership on A").isEqualTo("trialing");
		}
	}

	private static AppProcess node(Path dataDir, RedisProcess redis, String reconcileInterval) {
		return AppProcess.start(dataDir, "app.log", "newsstand.redis.url=" + redis.url(),
				"newsstand.billing.sandbox-secret-key=" + Subscriber.SANDBOX_KEY, Subscriber.ONE_CARD_MANY_TRIALS,
				"newsstand.billing.sandbox.data-dir=" + dataDir.resolve("stripe-sandbox"),
				"newsstand.billing.reconcile-initial-delay=1s",
				"newsstand.billing.reconcile-interval=" + reconcileInterval);
	}

}
