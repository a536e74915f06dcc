package io.newsstand.aggregator.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsstand.testing.RedisExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

@ExtendWith(RedisExtension.class)
class JobLeaseTest {

	private final StringRedisTemplate redis;

	JobLeaseTest(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@Test
	void aStoppedLeaseStartsAgainAndTakesTheLeaseBack() {
		// A stopped context may be started again (Spring's test contexts pause
		// between uses); the lease's executor, closed by stop, must not refuse that.
		JobLease lease = new JobLease(this.redis.getRequiredConnectionFactory(), "test:jobs:" + System.nanoTime(),
				"aggregator", new SimpleMeterRegistry());
		try {
			lease.start();
			await().atMost(Duration.ofSeconds(15)).until(lease::held);
			lease.stop();
			assertThat(lease.isRunning()).isFalse();
			lease.start();
			await().atMost(Duration.ofSeconds(15)).until(lease::held);
			assertThat(lease.run("job", () -> {
			})).isTrue();
		} finally {
			lease.stop();
		}
	}

}
