package io.newsstand.web.frontpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.newsstand.aggregator.StoryArticle;
import io.newsstand.aggregator.StoryClusters;
import io.newsstand.web.articles.ArticleOpened;
import io.newsstand.web.site.SiteTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * "Top stories right now": reads and recency with time decay, one entry per
 * story, and the edition's re-weighting.
 */
@ResourceLock(SiteTest.CLOCK)
class TopStoriesTest extends FrontPageSiteTest {

	@Autowired
	StoryClusters clusters;

	@Test
	void aSiteWithoutReadsRanksByRecency() {
		String older = article("older", US, "World", Duration.ofHours(3));
		String newest = article("newest", US, "World", Duration.ofMinutes(20));
		String middle = article("middle", US, "World", Duration.ofHours(1));
		assertThat(topIds(home("INT"))).containsExactly(newest, middle, older);
	}

	@Test
	void readsLiftAStoryAndARereadCountsOnce() {
		String reread = article("reread", US, "World", Duration.ofHours(2));
		String popular = article("popular", US, "World", Duration.ofHours(2));
		String fresh = article("fresh", US, "World", Duration.ZERO);
		for (int i = 0; i < 4; i++) {
			read("ann", reread);
		}
		read("bob", popular);
		read("cat", popular);
		// Four reads by one reader are one read; two readers beat it, and reads beat a
		// slightly newer article nobody read.
		assertThat(this.readCounts.weighted(this.now).get(reread)).isBetween(0.9, 1.0);
		assertThat(topIds(home("INT"))).containsExactly(popular, reread, fresh);
	}

	/**
	 * Issue 12: anonymous reads counted once per address and user agent, so 40
	 * requests with made-up agents put an old article at #1.
	 */
	@Test
	void fortyRequestsWithVariedUserAgentsFromOneAddressCountOnce() {
		String rigged = article("rigged", US, "World", Duration.ofHours(3));
		String popular = article("popular", US, "World", Duration.ofHours(3));
		for (int i = 0; i < 40; i++) {
			assertThat(client().get("/articles/" + rigged, "User-Agent", "agent " + i).statusCode()).isEqualTo(200);
		}
		this.readCounts.flush();
		read("ann", popular);
		read("bob", popular);
		this.frontPage.invalidate();
		assertThat(this.readCounts.weighted(this.now).get(rigged)).isBetween(0.9, 1.0);
		assertThat(topIds(home("INT"))).containsExactly(popular, rigged);
	}

	@Test
	void oneAddressAddsAtMostTheCapPerHourWhateverItsAccounts() {
		ReadCounts capped = cappedAtThreeReadsPerAddress();
		String article = "fp-" + this.run + "-capped";
		String network = "net-" + this.run;
		for (int i = 0; i < 40; i++) {
			capped.count(List.of(read("a:account-" + this.run + "-" + i, network, article, this.now)));
		}
		capped.count(List.of(read("a:elsewhere-" + this.run, "other-" + this.run, article, this.now)));
		assertThat(capped.weighted(this.now).get(article)).isBetween(3.6, 4.0);
		// The next hour, the network may add again.
		capped.count(List.of(read("a:later-" + this.run, network, article, this.now.plus(Duration.ofHours(1)))));
		assertThat(capped.weighted(this.now.plus(Duration.ofHours(1))).get(article)).isGreaterThan(3.6);
	}

	@Test
	void aFlushOfManyReadsFromOneNetworkAddsAtMostTheCap() {
		ReadCounts capped = cappedAtThreeReadsPerAddress();
		String article = "fp-" + this.run + "-flushed";
		String network = "net-flush-" + this.run;
		List<ReadCounts.Read> reads = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			reads.add(read("a:account-" + this.run + "-" + i, network, article, this.now));
			// A re-read in the same flush is one read.
			reads.add(read("a:account-" + this.run + "-" + i, network, article, this.now));
		}
		reads.add(read("a:elsewhere-" + this.run, "other-" + this.run, article, this.now));
		capped.count(reads);
		assertThat(capped.weighted(this.now).get(article)).isBetween(3.6, 4.0);
	}

	@Test
	void aViewIsCountedOffTheRequestAndAStopCountsWhatIsStillQueued() {
		ReadCounts counts = cappedAtThreeReadsPerAddress();
		String article = "fp-" + this.run + "-queued";
		counts.opened(new ArticleOpened(article, "daily-ledger", "World", null, "v:queued-" + this.run,
				"queued-" + this.run, false, this.now, false));
		assertThat(counts.weighted(this.now)).as("queued, not counted on the request").doesNotContainKey(article);
		counts.close();
		assertThat(counts.weighted(this.now).get(article)).isBetween(0.9, 1.0);
	}

	@Test
	void aFlushWhileRedisIsAwayNeverFailsTheSchedulerAndLeavesNoReadQueued() {
		LettuceConnectionFactory away = new LettuceConnectionFactory("127.0.0.1", 1);
		away.afterPropertiesSet();
		away.start();
		try {
			ReadCounts unreachable = new ReadCounts(new StringRedisTemplate(away),
					new FrontPageProperties(Duration.ofSeconds(5), Duration.ofHours(24), Duration.ofHours(6),
							Duration.ofHours(12), 2.0, 10, 10, 6, 4, 20));
			unreachable.opened(new ArticleOpened("fp-" + this.run + "-lost", "daily-ledger", "World", null,
					"v:lost-" + this.run, "lost-" + this.run, false, this.now, false));
			assertThat(unreachable.queued()).isEqualTo(1);
			assertThatCode(unreachable::flush).as("the scheduler's task does not fail").doesNotThrowAnyException();
			assertThat(unreachable.queued()).as("lost, not retried forever").isZero();
		} finally {
			away.destroy();
		}
	}

	private ReadCounts cappedAtThreeReadsPerAddress() {
		return new ReadCounts(this.redis, new FrontPageProperties(Duration.ofSeconds(5), Duration.ofHours(24),
				Duration.ofHours(6), Duration.ofHours(12), 2.0, 10, 10, 6, 4, 3));
	}

	private static ReadCounts.Read read(String reader, String address, String article, Instant at) {
		return new ReadCounts.Read(reader, address, article, at);
	}

	@Test
	void oldReadsWeighLessAndLeaveWithTheWindow() {
		String before = article("before", US, "World", Duration.ofHours(1));
		String later = article("later", US, "World", Duration.ofHours(1));
		read("ann", before);
		read("bob", before);
		clock.advance(Duration.ofHours(12));
		this.frontPage.invalidate();
		read("cat", later);
		// Two reads twelve hours ago (two half-lives) weigh less than one read now.
		assertThat(topIds(home("INT"))).containsExactly(later, before);
		assertThat(this.readCounts.weighted(clock.instant()).get(before)).isBetween(0.4, 0.5);

		clock.advance(Duration.ofHours(13));
		assertThat(this.readCounts.weighted(clock.instant())).doesNotContainKey(before).containsKey(later);
	}

	@Test
	void aStoryToldByThreePublishersIsShownOnceWithItsSources() {
		String title = "Harbour bridge closed in Sydney after engineers find cracks in %s steel cables";
		String lead = "Engineers found cracks in the steel cables of the Sydney harbour bridge %s, and the transport "
				+ "minister Jane Okafor closed it to traffic until repairs are done.";
		String au = article("bridge-au", AU, "World", Duration.ofHours(1), title.formatted("its"),
				lead.formatted("on Tuesday"));
		String us = article("bridge-us", US, "World", Duration.ofMinutes(50), title.formatted("the"),
				lead.formatted("this week"));
		String uk = article("bridge-uk", UK, "World", Duration.ofMinutes(40), title.formatted("rusted"),
				lead.formatted("overnight"));
		String other = article("other", US, "Business", Duration.ofMinutes(30), "Orbit Software posts record profit",
				"The company beat forecasts.");
		for (String id : List.of(au, us, uk)) {
			var article = this.articles.article(id).orElseThrow();
			this.clusters.assign(new StoryArticle(id, article.publisherId(), article.title(), article.summary(),
					article.publishedAt()));
		}
		assertThat(this.clusters.cluster(au)).as("the engine put the versions together").hasSize(2);

		JsonNode home = home("INT");
		List<String> top = topIds(home);
		assertThat(top).hasSize(2).contains(other);
		assertThat(top).filteredOn(id -> id.contains("bridge")).hasSize(1);
		home.path("top").forEach(entry -> {
			if (entry.path("article").path("id").asString().contains("bridge")) {
				assertThat(entry.path("sources").asInt()).isEqualTo(3);
			}
		});
		// Three versions together outrank a newer story told once.
		assertThat(top.get(0)).contains("bridge");
		assertThat(client().get("/").body()).contains("3 sources");
	}

	@Test
	void anEditionRanksItsOwnPublishersHigherWithoutHidingOthers() {
		String sydney = article("sydney", AU, "World", Duration.ofHours(3));
		String boston = article("boston", US, "World", Duration.ofHours(1));
		assertThat(topIds(home("INT"))).containsExactly(boston, sydney);
		assertThat(topIds(home("AU"))).containsExactly(sydney, boston);
		assertThat(topIds(home("US"))).containsExactly(boston, sydney);
	}

	@Test
	void theListsAreComputedOncePerRefreshNotPerRequest() {
		String first = article("first", US, "World", Duration.ofHours(1));
		assertThat(topIds(home("INT"))).containsExactly(first);
		String second = article("second", US, "World", Duration.ZERO);
		assertThat(topIds(home("INT"))).as("within the refresh interval").containsExactly(first);
		clock.advance(Duration.ofSeconds(6));
		assertThat(topIds(home("INT"))).containsExactly(second, first);
	}

	@Test
	void theHomeApiAnswersTeasersOnly() {
		String id = article("teaser", UK, "World", Duration.ofMinutes(5));
		String body = client().get("/api/v1/home?edition=UK").body();
		JsonNode home = JSON.readTree(body);
		assertThat(home.path("edition").asString()).isEqualTo("UK");
		assertThat(ids(home.path("latest"))).contains(id);
		assertThat(home.path("sections").isArray()).isTrue();
		assertThat(home.path("picks").isArray()).isTrue();
		assertThat(body).doesNotContain("\"body\"").doesNotContain("SECRET-ENDING");
		var unknown = client().get("/api/v1/home?edition=XX");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

	@Test
	void theFrontPageShowsEachListAndEscapesFeedText() {
		String id = article("escaped", UK, "World", Duration.ofMinutes(5), "<script>alert(1)</script> & more",
				"Summary");
		String page = client().get("/").body();
		assertThat(page).contains("Top stories right now").contains("<h2 id=\"latest-heading\">Latest</h2>")
				.contains("href=\"/sections/world\"").contains("href=\"/articles/" + id + "\"")
				.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more").doesNotContain("<script>alert(1)");
	}

}
