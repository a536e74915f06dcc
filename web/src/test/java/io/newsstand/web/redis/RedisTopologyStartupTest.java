package io.newsstand.web.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstand.testing.RedisTestSentinel;
import io.newsstand.testing.RedisTestServer;
import io.newsstand.web.startup.InvalidSettingException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Spring Boot's own {@code spring.data.redis.*} settings that name a Redis the
 * app cannot use stop it at start with one message naming the setting, before
 * any request meets Lettuce's errors. Isolated so that no other test's output
 * lands in what is captured.
 */
@Isolated
@ExtendWith(OutputCaptureExtension.class)
class RedisTopologyStartupTest {

	private static RedisTestSentinel sentinel;

	@BeforeAll
	static void startSentinel() {
		sentinel = RedisTestSentinel.start(1);
	}

	@AfterAll
	static void stopSentinel() {
		sentinel.close();
	}

	@Test
	void clusterNodeListThatAnswersAsAStandaloneServerIsRefused(CapturedOutput output) {
		String standalone = RedisTestServer.get().host() + ":" + RedisTestServer.get().port();
		assertThatThrownBy(() -> TestApp.start("spring.data.redis.cluster.nodes=" + standalone))
				.hasRootCauseInstanceOf(InvalidSettingException.class);
		assertOneClearMessage(output, "spring.data.redis.cluster.nodes (SPRING_DATA_REDIS_CLUSTER_NODES): " + standalone
				+ " answers as a standalone Redis, not as a Redis Cluster node");
	}

	@Test
	void sentinelMasterNameTheSentinelsDoNotKnowIsRefused(CapturedOutput output) {
		assertThatThrownBy(() -> TestApp.start("spring.data.redis.sentinel.master=no-such-master",
				"spring.data.redis.sentinel.nodes=" + sentinel.sentinelNodesProperty()))
				.hasRootCauseInstanceOf(InvalidSettingException.class);
		assertOneClearMessage(output,
				"spring.data.redis.sentinel.master (SPRING_DATA_REDIS_SENTINEL_MASTER): the " + "Sentinels at "
						+ sentinel.sentinelNodesProperty() + " know no master named 'no-such-master' "
						+ "(they monitor: " + RedisTestSentinel.MASTER_NAME + ")");
	}

	@Test
	void shorthandUrlTogetherWithAClusterIsRefused(CapturedOutput output) {
		String standalone = RedisTestServer.get().host() + ":" + RedisTestServer.get().port();
		assertThatThrownBy(() -> TestApp.start("newsstand.redis.url=redis://" + standalone,
				"spring.data.redis.cluster.nodes=" + standalone)).hasRootCauseInstanceOf(InvalidSettingException.class);
		assertOneClearMessage(output,
				"newsstand.redis.url (NEWSSTAND_REDIS_URL): is set together with " + "spring.data.redis.cluster.nodes");
	}

	private static void assertOneClearMessage(CapturedOutput output, String message) {
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains(message);
		assertThat(output.getAll()).as("no stack trace before or after the message").doesNotContain("\tat ");
	}

}
