package io.newsstand.web.site;

import io.newsstand.aggregator.ArticleSearchSource;
import io.newsstand.aggregator.Articles;
import io.newsstand.testing.RedisTestContextInitializer;
import io.newsstand.testing.SettableClock;
import io.newsstand.web.account.AccountStore;
import io.newsstand.web.redis.WebKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * The whole app on a random port with a Redis database of its own and a clock
 * the tests move. Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		// Every test signs in from 127.0.0.1; the per-address limit has its own test.
		"newsstand.web.sign-in.max-failures-per-address=10000",
		"newsstand.web.password-reset-requests.max-per-address=10000", "newsstand.web.sign-up.max-per-address=10000",
		// Every test reader follows the verification link from the outbox.
		"newsstand.mail.outbox-size=200",
		// Every test searches from 127.0.0.1; SearchRateLimitTest has a small limit.
		"newsstand.search.rate-limit.requests=100000",
		// Every test reads from 127.0.0.1; TopStoriesTest checks the cap on a counter
		// of its own.
		"newsstand.frontpage.reads-per-address-per-hour=100000",
		// Many test readers pay with the same test card; each is to get a trial of its
		// own.
		"newsstand.billing.card-fingerprint-check=false",
		// An index of this context's own, rebuilt from FakeSearchSource.
		"newsstand.search.index-dir=target/site-test-search/${random.uuid}", "newsstand.search.refresh-interval=0s"})
@ContextConfiguration(initializers = RedisTestContextInitializer.class)
@ResourceLock(SiteTest.CLOCK)
public abstract class SiteTest {

	/** Subclasses move the shared clock, so they run one at a time. */
	public static final String CLOCK = "newsstand-site-clock";

	protected static final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T09:00:00Z"));

	@TestBean
	Clock testClock;

	@TestBean
	Articles articles;

	@TestBean
	ArticleSearchSource searchSource;

	@LocalServerPort
	protected int port;

	@Autowired
	private AccountStore siteAccounts;

	@Autowired
	private StringRedisTemplate siteRedis;

	static Clock testClock() {
		return clock;
	}

	static Articles articles() {
		return new FakeArticles();
	}

	static ArticleSearchSource searchSource() {
		return new FakeSearchSource();
	}

	/**
	 * Each test starts at the real time, which billing (and its sandbox) also lives
	 * in, and moves on from there.
	 */
	@BeforeEach
	void resetClock() {
		clock.set(Instant.now());
	}

	protected SiteClient client() {
		return new SiteClient("http://localhost:" + this.port);
	}

	protected static String uniqueEmail(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	/**
	 * A new reader made an admin (the role set in Redis, as an operator's bootstrap
	 * does), signed in again so the session carries the role.
	 */
	protected SiteClient admin() {
		SiteClient admin = client();
		String email = uniqueEmail("admin");
		String password = "correct horse battery staple";
		admin.signUp(email, password);
		String id = this.siteAccounts.findByEmail(email).orElseThrow().id();
		this.siteRedis.opsForHash().put(WebKeys.account(id), "roles", "READER,ADMIN");
		admin.get("/signout");
		admin.signIn(email, password);
		return admin;
	}

}
