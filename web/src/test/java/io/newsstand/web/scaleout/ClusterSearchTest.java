package io.newsstand.web.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsstand.testing.RedisTestCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Search across nodes on a Redis Cluster: every node keeps its own index, fed
 * from one stream. An article stored by any node is found on every node within
 * 2 s; a restarted node replays what it missed from the stream; a new node
 * builds its index from the article store (even when the stream no longer holds
 * the entries).
 */
// Reads the log from standard output: no other class may start or close a
// context meanwhile (that re-initialises logging onto another stream).
@Isolated
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class ClusterSearchTest {

	private static final Logger log = LoggerFactory.getLogger(ClusterSearchTest.class);

	private static final String FEED = "newsstand:search:feed";

	private static RedisTestCluster cluster;

	private static ClusterErrorWatch errors;

	private static ClusterApp a;

	private static ClusterApp b;

	private static final String B_INDEX = "target/cluster-search/" + UUID.randomUUID();

	@BeforeAll
	static void start() {
		cluster = RedisTestCluster.start();
		errors = ClusterErrorWatch.install();
		a = ClusterApp.start(settings());
		b = ClusterApp.start(settings("newsstand.search.index-dir=" + B_INDEX));
		// Both indexes are open and following the stream before the timed part.
		String warmUp = store(a);
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
				.until(() -> finds(a, warmUp) && finds(b, warmUp));
	}

	@AfterAll
	static void stop() {
		for (ClusterApp app : new ClusterApp[]{a, b}) {
			if (app != null) {
				app.close();
			}
		}
		errors.uninstall();
		cluster.close();
	}

	@AfterEach
	void nothingTheClusterRefused() {
		assertThat(errors.seen()).isEmpty();
	}

	@Test
	@Order(1)
	void everyNodeFindsAnArticleStoredByAnyNodeWithinTwoSeconds() {
		for (ClusterApp writer : new ClusterApp[]{a, b}) {
			String word = store(writer);
			long stored = System.nanoTime();
			for (ClusterApp reader : new ClusterApp[]{a, b}) {
				await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
						.until(() -> finds(reader, word));
			}
			log.info("Stored on :{}, found on both nodes after {} ms", writer.port(),
					(System.nanoTime() - stored) / 1_000_000);
		}
	}

	/**
	 * Node B stops, node A stores articles, B starts again on its index: it resumes
	 * the stream where its index left off and finds them, without rebuilding from
	 * the store (the stream entries carry what B missed).
	 */
	@Test
	@Order(2)
	void aRestartedNodeCatchesUpFromTheStream(CapturedOutput output) {
		b.close();
		List<String> missed = List.of(store(a), store(a), store(a));
		StringRedisTemplate redis = a.bean(StringRedisTemplate.class);
		long streamLength = redis.opsForStream().size(FEED);
		long started = System.nanoTime();
		int from = output.getOut().length();
		b = ClusterApp.start(settings("newsstand.search.index-dir=" + B_INDEX));
		// Starting a context after one closed resets the logging: watch again.
		errors.attach();
		for (String word : missed) {
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> finds(b, word));
		}
		// Node A runs on throughout, so a rebuild logged meanwhile would be B's.
		await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(output.getOut().substring(from))
						.doesNotContain("rebuilt from the article store")
						.containsPattern("Search index in \\S*" + Path.of(B_INDEX).getFileName()
								+ " holds \\d+ articles, " + "following newsstand:search:feed from entry [1-9]"));
		log.info("Restarted node found the {} articles stored while it was down {} ms after its start", missed.size(),
				(System.nanoTime() - started) / 1_000_000);
		assertThat(redis.opsForStream().size(FEED)).isGreaterThanOrEqualTo(streamLength);
		// And it keeps following: a new article is found within the same 2 s.
		String after = store(a);
		await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() -> finds(b, after));
	}

	/**
	 * The stream is emptied, as retention would after a week, and a new node starts
	 * with no index: it finds every article, so it built its index from the article
	 * store, and then follows the stream.
	 */
	@Test
	@Order(3)
	void aNewNodeBuildsItsIndexFromTheStore() {
		String before = store(a);
		await().atMost(Duration.ofSeconds(10)).until(() -> finds(a, before));
		StringRedisTemplate redis = a.bean(StringRedisTemplate.class);
		redis.opsForStream().trim(FEED, 0);
		assertThat(redis.opsForStream().size(FEED)).isZero();
		long started = System.nanoTime();
		try (ClusterApp c = ClusterApp.start(settings())) {
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> finds(c, before));
			log.info("New node found an article stored before it started {} ms after its start",
					(System.nanoTime() - started) / 1_000_000);
			String after = store(b);
			await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() -> finds(c, after));
		}
	}

	private static String[] settings(String... more) {
		List<String> settings = new ArrayList<>(List.of("spring.data.redis.cluster.nodes=" + cluster.nodesProperty(),
				// Articles come from the test, not from the demo feeds.
				"newsstand.aggregator.polling-enabled=false"));
		settings.addAll(List.of(more));
		return settings.toArray(String[]::new);
	}

	/**
	 * Stores an article whose title carries a word of its own; returns the word.
	 */
	static String store(ClusterApp node) {
		String word = StoredArticles.uniqueWord();
		StoredArticles.store(node, word);
		return word;
	}

	private static boolean finds(ClusterApp node, String word) {
		return node.get("/api/v1/search?q=" + word, null).body().contains(word);
	}

}
