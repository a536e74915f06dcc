package io.newsstand.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test Sentinel setup fails over for real: killing the master makes the
 * Sentinels promote the replica within seconds.
 */
class RedisTestSentinelTest {

	private static RedisTestSentinel sentinel;

	@BeforeAll
	static void start() {
		sentinel = RedisTestSentinel.start(3);
	}

	@AfterAll
	static void stop() {
		sentinel.close();
	}

	@Test
	void killingTheMasterPromotesTheReplica() {
		assertThat(sentinel.currentMaster()).isSameAs(sentinel.master());
		sentinel.master().kill();
		long start = System.nanoTime();
		RedisTestCluster.await("the Sentinels to promote the replica",
				() -> sentinel.currentMaster() == sentinel.replica()
						&& sentinel.replica().call(redis -> redis.info("replication")).contains("role:master"));
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(15_000);
	}

}
