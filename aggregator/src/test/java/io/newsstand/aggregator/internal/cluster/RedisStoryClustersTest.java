package io.newsstand.aggregator.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.ClusterAssignment;
import io.newsstand.aggregator.StoryArticle;
import io.newsstand.aggregator.StoryMember;
import io.newsstand.testing.RedisExtension;
import io.newsstand.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

@ExtendWith(RedisExtension.class)
class RedisStoryClustersTest {

	private static final Instant T0 = Instant.parse("2026-03-04T19:00:00Z");

	private static final String FED_TITLE = "Fed holds rates steady, signals two cuts later this year";

	private static final String FED_LEAD = "The Federal Reserve left its benchmark interest rate unchanged at 4.25% to 4.5% on "
			+ "Wednesday and pencilled in two quarter-point cuts, Chair Jerome Powell said.";

	private static final String FED_TITLE_2 = "Powell keeps rates on hold but eyes two reductions";

	private static final String FED_LEAD_2 = "US central bankers kept the federal funds rate at 4.25%-4.5% and projected two "
			+ "cuts this year, Jerome Powell said.";

	private static final String QUAKE_TITLE = "Magnitude 6.8 earthquake hits northern Chile";

	private static final String QUAKE_LEAD = "A magnitude 6.8 earthquake struck near Antofagasta in northern Chile, damaging "
			+ "older buildings, but the navy said there was no tsunami threat.";

	private static final String QUAKE_TITLE_2 = "Quake rattles Antofagasta as Chile checks for damage";

	private static final String QUAKE_LEAD_2 = "Buildings were damaged in Antofagasta after a 6.8-magnitude earthquake shook "
			+ "northern Chile, while the navy ruled out a tsunami.";

	private final StringRedisTemplate redis;

	private final SettableClock clock = new SettableClock(T0);

	private RedisStoryClusters clusters;

	RedisStoryClustersTest(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@BeforeEach
	void emptyDatabase() {
		this.redis.execute((RedisCallback<Object>) connection -> {
			connection.serverCommands().flushDb();
			return null;
		});
		this.clusters = new RedisStoryClusters(this.redis, ClusterProperties.defaults(), this.clock);
	}

	private ClusterAssignment assign(String id, String publisher, String title, String lead, Instant at) {
		this.clock.set(at.plusSeconds(60));
		return this.clusters.assign(new StoryArticle(id, publisher, title, lead, at));
	}

	@Test
	void sameStoryFromAnotherPublisherJoinsOneCluster() {
		assign("a", "capital-times", FED_TITLE, FED_LEAD, T0);
		ClusterAssignment b = assign("b", "daily-ledger", FED_TITLE_2, FED_LEAD_2, T0.plusSeconds(1800));

		assertThat(b.clusterId()).isNotNull();
		assertThat(b.alsoCoveredBy()).containsExactly(new StoryMember("a", "capital-times", T0));
		assertThat(this.clusters.cluster("a"))
				.containsExactly(new StoryMember("b", "daily-ledger", T0.plusSeconds(1800)));
	}

	@Test
	void differentStoriesStayApart() {
		assign("a", "capital-times", FED_TITLE, FED_LEAD, T0);
		ClusterAssignment quake = assign("q", "daily-ledger", QUAKE_TITLE, QUAKE_LEAD, T0.plusSeconds(60));

		assertThat(quake.clusterId()).isNull();
		assertThat(this.clusters.cluster("a")).isEmpty();
	}

	@Test
	void neverClustersAnArticleWithOneOfItsOwnPublisher() {
		assign("a", "capital-times", FED_TITLE, FED_LEAD, T0);
		ClusterAssignment samePublisher = assign("a2", "capital-times", FED_TITLE, FED_LEAD, T0.plusSeconds(60));
		assertThat(samePublisher.clusterId()).isNull();

		assign("b", "daily-ledger", FED_TITLE_2, FED_LEAD_2, T0.plusSeconds(120));
		ClusterAssignment third = assign("a3", "capital-times", FED_TITLE_2, FED_LEAD_2, T0.plusSeconds(180));

		assertThat(third.alsoCoveredBy()).extracting(StoryMember::publisherId).doesNotContain("capital-times");
		for (String id : Set.of("a", "a2", "a3", "b")) {
			assertThat(this.clusters.cluster(id)).extracting(StoryMember::articleId).doesNotContain(id);
			String publisher = id.equals("b") ? "daily-ledger" : "capital-times";
			assertThat(this.clusters.cluster(id)).extracting(StoryMember::publisherId).doesNotContain(publisher);
		}
	}

	@Test
	void versionsFurtherApartThanTheWindowStayApart() {
		assign("a", "capital-times", QUAKE_TITLE, QUAKE_LEAD, T0);
		ClusterAssignment late = assign("late", "daily-ledger", QUAKE_TITLE_2, QUAKE_LEAD_2,
				T0.plus(Duration.ofHours(73)));

		assertThat(late.clusterId()).isNull();
		assertThat(this.clusters.cluster("a")).isEmpty();
	}

	@Test
	void versionsJustInsideTheWindowJoin() {
		assign("a", "capital-times", QUAKE_TITLE, QUAKE_LEAD, T0);
		ClusterAssignment inTime = assign("in-time", "daily-ledger", QUAKE_TITLE_2, QUAKE_LEAD_2,
				T0.plus(Duration.ofHours(71)));

		assertThat(inTime.alsoCoveredBy()).extracting(StoryMember::articleId).containsExactly("a");
	}

	@Test
	void reassigningAnUnchangedArticleChangesNothing() {
		assign("a", "capital-times", FED_TITLE, FED_LEAD, T0);
		ClusterAssignment first = assign("b", "daily-ledger", FED_TITLE_2, FED_LEAD_2, T0.plusSeconds(60));
		Set<String> keysBefore = this.redis.keys("*");

		ClusterAssignment again = assign("b", "daily-ledger", FED_TITLE_2, FED_LEAD_2, T0.plusSeconds(60));

		assertThat(again).isEqualTo(first);
		assertThat(this.redis.keys("*")).isEqualTo(keysBefore);
	}

	@Test
	void anUpdatedArticleMovesToItsNewStory() {
		assign("a", "capital-times", FED_TITLE, FED_LEAD, T0);
		assign("b", "daily-ledger", FED_TITLE_2, FED_LEAD_2, T0.plusSeconds(60));
		assign("q", "global-dispatch", QUAKE_TITLE, QUAKE_LEAD, T0.plusSeconds(120));

		// the publisher of b fixes a wrong headline and lead: it was the quake story
		// all along
		ClusterAssignment moved = assign("b", "daily-ledger", QUAKE_TITLE_2, QUAKE_LEAD_2, T0.plusSeconds(60));

		assertThat(moved.alsoCoveredBy()).extracting(StoryMember::articleId).containsExactly("q");
		assertThat(this.clusters.cluster("a")).isEmpty();
		assertThat(this.clusters.cluster("q")).extracting(StoryMember::articleId).containsExactly("b");
		assertThat(this.redis.keys(ClusterKeys.bucket(0, 0).replace(":0:0", ":*")).stream()
				.filter(key -> this.redis.opsForZSet().score(key, "b") != null)).hasSize(32);
	}

	@Test
	void linksSurviveInRedisAndAreReadBackByAnotherInstance() {
		assign("a", "capital-times", FED_TITLE, FED_LEAD, T0);
		assign("b", "daily-ledger", FED_TITLE_2, FED_LEAD_2, T0.plusSeconds(60));

		RedisStoryClusters otherNode = new RedisStoryClusters(this.redis, ClusterProperties.defaults(), this.clock);

		assertThat(otherNode.cluster("a")).extracting(StoryMember::articleId).containsExactly("b");
		assertThat(otherNode.cluster("b")).extracting(StoryMember::articleId).containsExactly("a");
		ClusterAssignment third = otherNode
				.assign(new StoryArticle("c", "global-dispatch", FED_TITLE, FED_LEAD_2, T0.plusSeconds(90)));
		assertThat(third.alsoCoveredBy()).extracting(StoryMember::articleId).containsExactlyInAnyOrder("a", "b");
	}

	@Test
	void bucketsExpireWithTheWindowAndLinksWithTheRetention() {
		assign("a", "capital-times", FED_TITLE, FED_LEAD, T0);

		Set<String> buckets = this.redis.keys("newsstand:{stories}:band:*");
		assertThat(buckets).hasSize(32);
		for (String bucket : buckets) {
			assertThat(this.redis.getExpire(bucket)).isBetween(Duration.ofHours(71).toSeconds(),
					Duration.ofHours(72).toSeconds());
		}
		assertThat(this.redis.getExpire(ClusterKeys.article("a"))).isBetween(Duration.ofDays(29).toSeconds(),
				Duration.ofDays(30).toSeconds());
	}

	@Test
	void anOlderArticleNeverShortensTheBucketsOfANewerOne() {
		assign("a", "capital-times", FED_TITLE, FED_LEAD, T0);
		// Same text a day older, stored now: it shares every bucket with "a".
		this.clock.set(T0.plusSeconds(60));
		this.clusters.assign(new StoryArticle("b", "capital-times", FED_TITLE, FED_LEAD, T0.minus(Duration.ofDays(1))));

		for (String bucket : this.redis.keys("newsstand:{stories}:band:*")) {
			assertThat(this.redis.getExpire(bucket)).as(bucket).isGreaterThan(Duration.ofHours(71).toSeconds());
		}
	}

	@Test
	void anArticleOlderThanTheWindowLeavesNoBuckets() {
		this.clock.set(T0.plus(Duration.ofDays(5)));
		ClusterAssignment old = this.clusters.assign(new StoryArticle("old", "capital-times", FED_TITLE, FED_LEAD, T0));

		assertThat(old.clusterId()).isNull();
		assertThat(this.redis.keys("newsstand:{stories}:band:*")).isEmpty();
	}

	@Test
	void removedArticleLeavesItsClusterAndBuckets() {
		assign("a", "capital-times", FED_TITLE, FED_LEAD, T0);
		assign("b", "daily-ledger", FED_TITLE_2, FED_LEAD_2, T0.plusSeconds(60));

		this.clusters.remove("b");

		assertThat(this.clusters.cluster("a")).isEmpty();
		assertThat(this.clusters.cluster("b")).isEmpty();
		assertThat(this.redis.hasKey(ClusterKeys.article("b"))).isFalse();
		assertThat(this.redis.keys("newsstand:{stories}:band:*").stream()
				.filter(key -> this.redis.opsForZSet().score(key, "b") != null)).isEmpty();
	}

	@Test
	void articleWithoutWordsStaysAloneAndLeavesNoBuckets() {
		ClusterAssignment empty = assign("e", "capital-times", "   ", "", T0);
		ClusterAssignment punctuation = assign("p", "daily-ledger", "!!! ??? ...", "<p></p>", T0);

		assertThat(empty.clusterId()).isNull();
		assertThat(punctuation.clusterId()).isNull();
		assertThat(this.redis.keys("newsstand:{stories}:band:*")).isEmpty();
	}

	@Test
	void unknownArticleHasNoCluster() {
		assertThat(this.clusters.cluster("nope")).isEmpty();
		this.clusters.remove("nope");
	}

}
