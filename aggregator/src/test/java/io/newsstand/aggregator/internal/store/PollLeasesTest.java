package io.newsstand.aggregator.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.testing.RedisExtension;
import io.newsstand.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

@ExtendWith(RedisExtension.class)
class PollLeasesTest {

	private static final Duration LEASE = Duration.ofMinutes(2);

	private final StringRedisTemplate redis;

	private final SettableClock clock = new SettableClock(Instant.parse("2025-06-04T12:00:00Z"));

	private PollLeases schedule;

	PollLeasesTest(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@BeforeEach
	void empty() {
		this.redis.execute((RedisCallback<Object>) connection -> {
			connection.serverCommands().flushDb();
			return null;
		});
		this.schedule = new PollLeases(this.redis, this.clock);
	}

	private static List<String> feeds(int count) {
		return IntStream.range(0, count).mapToObj(i -> "feed-" + i).toList();
	}

	@Test
	void twoWorkersClaimingAtOnceNeverGetTheSameFeed() throws Exception {
		this.schedule.sync(feeds(200));
		List<String> claimedByA;
		List<String> claimedByB;
		try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
			Future<List<String>> a = nodes.submit(() -> claimAll("worker-a"));
			Future<List<String>> b = nodes.submit(() -> claimAll("worker-b"));
			claimedByA = a.get();
			claimedByB = b.get();
		}
		Set<String> overlap = new HashSet<>(claimedByA);
		overlap.retainAll(claimedByB);
		assertThat(overlap).isEmpty();
		assertThat(claimedByA.size() + claimedByB.size()).isEqualTo(200);
	}

	private List<String> claimAll(String worker) {
		List<String> claimed = new ArrayList<>();
		List<String> batch;
		do {
			batch = this.schedule.claim(worker, 7, LEASE);
			claimed.addAll(batch);
		} while (!batch.isEmpty());
		return claimed;
	}

	@Test
	void aCrashedWorkersFeedsComeBackWhenItsLeaseExpires() {
		this.schedule.sync(feeds(5));
		assertThat(this.schedule.claim("crashed", 10, LEASE)).hasSize(5);
		assertThat(this.schedule.claim("survivor", 10, LEASE)).isEmpty();
		this.clock.advance(LEASE.plusSeconds(1));
		assertThat(this.schedule.claim("survivor", 10, LEASE)).containsExactlyInAnyOrderElementsOf(feeds(5));
	}

	@Test
	void aWorkerWhoseLeaseExpiredCannotOverwriteTheNewOwner() {
		this.schedule.sync(feeds(1));
		this.schedule.claim("slow", 10, LEASE);
		this.clock.advance(LEASE.plusSeconds(1));
		this.schedule.claim("fast", 10, LEASE);
		assertThat(this.schedule.complete("slow", "feed-0", this.clock.instant().plusSeconds(60))).isFalse();
		assertThat(this.schedule.complete("fast", "feed-0", this.clock.instant().plusSeconds(900))).isTrue();
		assertThat(this.schedule.nextPoll("feed-0")).isEqualTo(this.clock.instant().plusSeconds(900));
	}

	@Test
	void aBatchIsCompletedInOneCallExceptTheFeedsThisWorkerDoesNotOwn() {
		this.schedule.sync(feeds(3));
		assertThat(this.schedule.claim("w", 2, LEASE)).containsExactlyInAnyOrder("feed-0", "feed-1");
		assertThat(this.schedule.claim("other", 1, LEASE)).containsExactly("feed-2");
		Instant next = this.clock.instant().plus(Duration.ofMinutes(15));
		assertThat(this.schedule.completeAll("w", List.of(new PollLeases.Completion("feed-0", next),
				new PollLeases.Completion("feed-1", null), new PollLeases.Completion("feed-2", next))))
				.containsExactly("feed-2");
		assertThat(this.schedule.nextPoll("feed-0")).isEqualTo(next);
		assertThat(this.schedule.isDisabled("feed-1")).isTrue();
		assertThat(this.schedule.nextPoll("feed-2")).isNull(); // still leased by "other"
		assertThat(this.schedule.completeAll("other", List.of(new PollLeases.Completion("feed-2", next)))).isEmpty();
		assertThat(this.schedule.nextPoll("feed-2")).isEqualTo(next);
	}

	@Test
	void aCompletedFeedIsDueAgainAtItsNextPollTime() {
		this.schedule.sync(feeds(1));
		this.schedule.claim("w", 10, LEASE);
		this.schedule.complete("w", "feed-0", this.clock.instant().plus(Duration.ofMinutes(15)));
		this.clock.advance(Duration.ofMinutes(14));
		assertThat(this.schedule.claim("w", 10, LEASE)).isEmpty();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.schedule.claim("w", 10, LEASE)).containsExactly("feed-0");
	}

	@Test
	void syncAddsNewFeedsForAnImmediatePollAndDropsFeedsThatLeftTheCatalog() {
		assertThat(this.schedule.sync(List.of("a", "b"))).isEqualTo(2);
		this.schedule.claim("w", 1, LEASE);
		this.schedule.complete("w", "a", this.clock.instant().plus(Duration.ofHours(1)));
		assertThat(this.schedule.sync(List.of("a", "c"))).isEqualTo(1);
		assertThat(this.schedule.nextPoll("a")).isEqualTo(this.clock.instant().plus(Duration.ofHours(1)));
		assertThat(this.schedule.nextPoll("b")).isNull();
		assertThat(this.schedule.nextPoll("c")).isEqualTo(this.clock.instant());
	}

	@Test
	void aDisabledFeedStaysOffTheScheduleAcrossSyncs() {
		this.schedule.sync(List.of("gone"));
		this.schedule.claim("w", 1, LEASE);
		assertThat(this.schedule.disable("w", "gone")).isTrue();
		assertThat(this.schedule.sync(List.of("gone"))).isZero();
		assertThat(this.schedule.isDisabled("gone")).isTrue();
		this.schedule.enable("gone");
		assertThat(this.schedule.claim("w", 1, LEASE)).containsExactly("gone");
	}

}
