package io.newsstand.aggregator.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.testing.RedisTestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.data.redis.connection.RedisPipelineException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The cause of "Pipeline contained one or more invalid commands" in whole-app
 * runs: Redis answered every command, but the pipeline was awaited on a virtual
 * thread while CPU-bound work (the batch's other feeds being parsed) held every
 * carrier thread longer than the app's command timeout (2 s). Lettuce's wait
 * counts wall-clock time, so the late thread finds its budget spent and Spring
 * Data reports a timeout as "invalid commands". The poller therefore makes its
 * Redis round trips after a batch's parsing, not during it.
 */
@Isolated // it holds every carrier thread for a moment
class PipelinesTest {

	@Test
	void aPipelineAwaitedWhileEveryCarrierThreadIsBusyFailsAsInvalidCommands() throws Exception {
		var database = RedisTestServer.get().leaseDatabase();
		RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(database.host(), database.port());
		server.setDatabase(database.index());
		if (database.password() != null) {
			server.setPassword(database.password());
		}
		LettuceConnectionFactory factory = new LettuceConnectionFactory(server,
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(300)).build());
		factory.afterPropertiesSet();
		factory.start();
		try {
			StringRedisTemplate redis = new StringRedisTemplate(factory);
			int carriers = Runtime.getRuntime().availableProcessors() + 1;
			AtomicReference<Throwable> failure = new AtomicReference<>();
			List<Thread> busy = new ArrayList<>();
			CountDownLatch done = new CountDownLatch(1);
			Thread.ofVirtual().start(() -> {
				try {
					Pipelines.run(redis, ops -> {
						// Redis needs a moment to answer (a large batch of articles), so the caller
						// parks in the wait (long enough, some 100 ms, that the answer never comes
						// before the caller waits: with a tenth of it the test failed now and then)...
						ops.execute((RedisCallback<Object>) connection -> connection.scriptingCommands().eval(
								"for i = 1, 20000000 do end return 1".getBytes(StandardCharsets.UTF_8),
								ReturnType.INTEGER, 0));
						ops.opsForValue().set("b", "2");
						// ...and when the answer comes, it finds every carrier busy with these
						// stand-ins for parses of the batch's other feeds: CPU-bound, never yielding.
						for (int i = 0; i < carriers; i++) {
							busy.add(Thread.ofVirtual().start(() -> spin(Duration.ofMillis(1500))));
						}
					});
				} catch (RuntimeException ex) {
					failure.set(ex);
				} finally {
					done.countDown();
				}
			});
			done.await();
			for (Thread thread : busy) {
				thread.join();
			}
			// The wait fails as a timeout whichever clock notices first: the caller's
			// await ("Redis command timed out") or, when a loaded machine makes the script
			// itself outlast the timeout, Lettuce's own expiry ("Command timed out after").
			assertThat(failure.get()).isInstanceOf(RedisPipelineException.class)
					.hasMessageContaining("invalid commands").rootCause().hasMessageContaining("timed out");
			// Redis did run the commands: only the wait failed.
			assertThat(redis.opsForValue().get("b")).isEqualTo("2");
		} finally {
			factory.destroy();
		}
	}

	private static void spin(Duration duration) {
		long end = System.nanoTime() + duration.toNanos();
		AtomicBoolean sink = new AtomicBoolean();
		while (System.nanoTime() < end) {
			sink.lazySet(!sink.get());
		}
	}

}
