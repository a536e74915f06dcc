package io.newsstand.web.site;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.ArticleImage;
import io.newsstand.aggregator.ArticlePage;
import io.newsstand.aggregator.ArticleQuery;
import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.FeedHealth;
import io.newsstand.aggregator.FeedMonitor;
import io.newsstand.aggregator.InvalidCursorException;
import io.newsstand.aggregator.Publisher;
import io.newsstand.aggregator.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A fixed set of articles for the web tests (standing in for the aggregator's
 * article service): a free publisher and a paywalled one. Every body ends with
 * a paragraph holding {@link #secret(String)}, which must never reach a reader
 * who may not read the article in full.
 */
public final class FakeArticles implements Articles, FeedMonitor {

	public static final String FREE_PUBLISHER = "open-gazette";

	public static final String PAID_PUBLISHER = "daily-ledger";

	private final Map<String, Article> articles = new ConcurrentSkipListMap<>();

	private final Map<String, Long> order = new ConcurrentHashMap<>();

	private final AtomicLong added = new AtomicLong();

	private final Map<String, Publisher> extraPublishers = new ConcurrentHashMap<>();

	public FakeArticles() {
		add("free-1", FREE_PUBLISHER, "Open Gazette", true);
		for (int i = 1; i <= 8; i++) {
			add("paid-" + i, PAID_PUBLISHER, "Daily Ledger", false);
		}
		// One story told by both publishers (discovery: "Also covered by", search).
		story(FERRY_PAID, PAID_PUBLISHER, "Daily Ledger", false,
				"Kestrel Bay ferry terminal expansion approved <b>\"at last\"</b> & on budget",
				"Harbour officials in Kestrel Bay approved the 42 million pound ferry terminal expansion.",
				List.of("harbours", "transport"));
		story(FERRY_FREE, FREE_PUBLISHER, "Open Gazette", true,
				"Harbour authority approves Kestrel Bay ferry terminal expansion",
				"The Kestrel Bay harbour authority approved a 42 million pound expansion of the ferry terminal.",
				List.of("harbours"));
	}

	/** The ferry story, paywalled version. */
	public static final String FERRY_PAID = "ferry-ledger";

	/** The ferry story, free version. */
	public static final String FERRY_FREE = "ferry-gazette";

	private void story(String id, String publisherId, String publisherName, boolean free, String title, String summary,
			List<String> categories) {
		String body = "<p>Kestrel Bay's harbour board met on Tuesday and voted for the expansion, which adds two "
				+ "berths.</p>" + "<p>Residents had campaigned for two years against the original plan. ".repeat(6)
				+ "</p><p>The last paragraph holds " + secret(id) + ".</p>";
		Instant published = Instant.parse("2026-03-01T09:00:00Z");
		this.articles.put(id, new Article(id, title, "https://example.com/" + id, publisherId, publisherName, "World",
				"UK", "Ben Reporter", published, published, summary, body, null, categories, "en", 70, 1, free));
	}

	public static String secret(String id) {
		return "SECRET-ENDING-" + id;
	}

	private void add(String id, String publisherId, String publisherName, boolean free) {
		StringBuilder body = new StringBuilder();
		for (int p = 1; p <= 7; p++) {
			body.append("<p>Paragraph ").append(p).append(" of ").append(id)
					.append(" tells the story in some detail, with enough words to count. ".repeat(2)).append("</p>");
		}
		body.append("<p>The last paragraph holds ").append(secret(id)).append(".</p>");
		Instant published = Instant.parse("2026-03-01T08:00:00Z");
		put(new Article(id, "Headline of " + id, "https://example.com/" + id, publisherId, publisherName, "Business",
				"UK", "Ann Writer", published, published, "The standfirst of " + id + ", which anyone may read.",
				body.toString(), new ArticleImage("/css/lead.png", "A caption for " + id, "Photo: Newsstand"),
				List.of("economy"), "en", 160, 1, free));
	}

	/** Adds (or replaces) an article; tests remove what they add. */
	public void put(Article article) {
		this.order.putIfAbsent(article.id(), this.added.getAndIncrement());
		this.articles.put(article.id(), article);
	}

	/**
	 * Adds a free Open Gazette article published now with this body and lead
	 * picture (or none): what a test of body markup needs. Tests remove what they
	 * add.
	 */
	public void putFree(String id, String title, String body, @Nullable ArticleImage image) {
		Instant now = Instant.now();
		put(new Article(id, title, "https://example.com/" + id, FREE_PUBLISHER, "Open Gazette", "World", "UK", null,
				now, now, "The harbour.", body, image, List.of(), "en", 10, 1, true));
	}

	public void remove(String id) {
		this.articles.remove(id);
		this.order.remove(id);
	}

	/** Adds a publisher beside the two fixed ones; tests remove what they add. */
	public void addPublisher(Publisher publisher) {
		this.extraPublishers.put(publisher.id(), publisher);
	}

	public void removePublisher(String id) {
		this.extraPublishers.remove(id);
	}

	@Override
	public List<Publisher> publishers() {
		List<Publisher> publishers = new ArrayList<>(
				List.of(publisher(FREE_PUBLISHER).orElseThrow(), publisher(PAID_PUBLISHER).orElseThrow()));
		this.extraPublishers.values().stream().sorted(Comparator.comparing(Publisher::id)).forEach(publishers::add);
		return publishers;
	}

	@Override
	public Optional<Publisher> publisher(String id) {
		return switch (id) {
			case FREE_PUBLISHER -> Optional.of(new Publisher(id, "Open Gazette", "https://example.com", null, "UK",
					"en", true, List.of("Business")));
			case PAID_PUBLISHER -> Optional.of(new Publisher(id, "Daily Ledger", "https://example.com", null, "UK",
					"en", false, List.of("Business")));
			default -> Optional.ofNullable(this.extraPublishers.get(id));
		};
	}

	/**
	 * Newest first (articles of one time in the order they were added), filtered as
	 * the aggregator filters; the cursor is the offset of the next page.
	 */
	@Override
	public ArticlePage latest(ArticleQuery query) {
		List<Article> matching = this.articles.values().stream()
				.filter(article -> query.publisher() == null || query.publisher().equals(article.publisherId()))
				.filter(article -> query.section() == null
						|| (article.section() != null && slug(article.section()).equals(slug(query.section()))))
				.filter(article -> query.region() == null || query.region().equalsIgnoreCase(article.region()))
				.filter(article -> query.topic() == null || Topics.normalise(query.topic())
						.filter(Topics.of(article.categories())::contains).isPresent())
				.sorted(Comparator.comparing(Article::publishedAt).reversed()
						.thenComparing(article -> this.order.getOrDefault(article.id(), Long.MAX_VALUE)))
				.toList();
		int from = 0;
		if (query.cursor() != null) {
			try {
				from = Integer.parseInt(query.cursor().substring(2));
			} catch (RuntimeException ex) {
				throw new InvalidCursorException(query.cursor());
			}
		}
		int to = Math.min(matching.size(), from + query.limit());
		List<ArticleSummary> items = new ArrayList<>();
		for (Article article : matching.subList(Math.min(from, to), to)) {
			items.add(article.toSummary());
		}
		return new ArticlePage(items, (to < matching.size()) ? "o:" + to : null);
	}

	private static String slug(String section) {
		return section.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
	}

	/** The aggregator's service is both; the tests' stand-in has no feeds. */
	@Override
	public List<FeedHealth> feeds() {
		return List.of();
	}

	@Override
	public Reenabling reenable(String feedId) {
		return Reenabling.UNKNOWN_FEED;
	}

	@Override
	public String catalogAsOpml() {
		return "<opml version=\"2.0\"><head><title>Test catalog</title></head><body/></opml>";
	}

	@Override
	public String opmlToCatalogYaml(byte[] opml) {
		return "publishers: []\n";
	}

	/** Every article, in the order added. */
	public Collection<Article> all() {
		return this.articles.values();
	}

	@Override
	public Optional<Article> article(String id) {
		return Optional.ofNullable(this.articles.get(id));
	}

}
