package io.newsstand.web.frontpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.Publisher;
import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The front page's tests: publishers of three editions, articles the tests add
 * (and remove), no reads and no picks at the start, and the clock at half past
 * the current hour.
 */
abstract class FrontPageSiteTest extends SiteTest {

	static final String AU = "fp-sydney-post";

	static final String US = "fp-boston-herald";

	static final String UK = "fp-london-tribune";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	Articles articles;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	ReadCounts readCounts;

	@Autowired
	FrontPage frontPage;

	/** Unique per test, so that story clusters of earlier tests stay apart. */
	String run;

	Instant now;

	private final List<String> added = new ArrayList<>();

	FakeArticles fake() {
		return (FakeArticles) this.articles;
	}

	@BeforeEach
	void freshFrontPage() {
		this.now = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(30));
		clock.set(this.now);
		this.run = UUID.randomUUID().toString().substring(0, 6);
		fake().addPublisher(new Publisher(AU, "Sydney Post", "https://sydney.example",
				"https://sydney.example/logo.png", "AU", "en", false, List.of("World", "Sport")));
		fake().addPublisher(new Publisher(US, "Boston Herald", "https://boston.example", null, "US", "en", false,
				List.of("World", "Business")));
		fake().addPublisher(new Publisher(UK, "London Tribune", "https://london.example", null, "UK", "en", true,
				List.of("World")));
		Set<String> keys = this.redis.keys("newsstand:web:read*");
		if (!keys.isEmpty()) {
			this.redis.delete(keys);
		}
		this.redis.delete("newsstand:web:picks");
		this.frontPage.invalidate();
	}

	@AfterEach
	void removeWhatWasAdded() {
		this.added.forEach(fake()::remove);
		fake().removePublisher(AU);
		fake().removePublisher(US);
		fake().removePublisher(UK);
		this.frontPage.invalidate();
	}

	/** Adds an article of a publisher, published {@code age} before now. */
	String article(String name, String publisherId, String section, Duration age) {
		return article(name, publisherId, section, age, "Headline of " + name, "Summary of " + name);
	}

	String article(String name, String publisherId, String section, Duration age, String title, String summary) {
		String id = "fp-" + this.run + "-" + name;
		Publisher publisher = this.articles.publisher(publisherId).orElseThrow();
		Instant published = this.now.minus(age);
		fake().put(new Article(id, title, "https://example.com/" + id, publisherId, publisher.name(), section,
				publisher.region(), null, published, published, summary,
				"<p>The body of " + name + ".</p><p>" + FakeArticles.secret(id) + "</p>", null, List.of(), "en", 10, 1,
				publisher.free()));
		this.added.add(id);
		return id;
	}

	JsonNode home(String edition) {
		HttpResponse<String> response = client().get("/api/v1/home" + ((edition != null) ? "?edition=" + edition : ""));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	/** The ids of the top list that this test added, in order. */
	List<String> topIds(JsonNode home) {
		List<String> ids = new ArrayList<>();
		home.path("top").forEach(top -> ids.add(top.path("article").path("id").asString()));
		return ids.stream().filter(id -> id.startsWith("fp-" + this.run)).toList();
	}

	List<String> ids(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.forEach(item -> ids.add(item.path("id").asString()));
		return ids.stream().filter(id -> id.startsWith("fp-" + this.run)).toList();
	}

	private final Map<String, SiteClient> readers = new HashMap<>();

	/**
	 * A reader, signed in to an account of its own (anonymous readers from one
	 * address are one reader), opens an article. The article page itself computes
	 * the front page's lists (for its own top list), so they are recomputed for the
	 * next look.
	 */
	void read(String readerName, String articleId) {
		SiteClient reader = this.readers.computeIfAbsent(readerName, name -> signedUp(uniqueEmail(name)));
		HttpResponse<String> page = reader.get("/articles/" + articleId);
		assertThat(page.statusCode()).isEqualTo(200);
		this.readCounts.flush();
		this.frontPage.invalidate();
	}

	SiteClient signedUp(String email) {
		SiteClient reader = client();
		reader.signUp(email, PASSWORD);
		return reader;
	}

	static final String PASSWORD = "a long reader passphrase";

}
