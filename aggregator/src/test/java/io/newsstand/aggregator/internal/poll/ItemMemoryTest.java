package io.newsstand.aggregator.internal.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.internal.parse.ArticleNormalizer;
import io.newsstand.aggregator.internal.parse.CorpusTest;
import io.newsstand.aggregator.internal.parse.FeedCharset;
import io.newsstand.aggregator.internal.parse.FeedContext;
import io.newsstand.aggregator.internal.parse.FeedItems;
import io.newsstand.aggregator.internal.parse.FeedParser;
import io.newsstand.aggregator.internal.parse.HtmlSanitizer;
import io.newsstand.aggregator.internal.parse.NormalizedArticle;
import io.newsstand.aggregator.internal.parse.ParseOutcome;
import io.newsstand.aggregator.internal.parse.XmlCleaner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A changed feed parsed without the items this node already stored must come
 * out as the whole document would: the same articles to store, every other item
 * exactly as stored before (so the store would have found it unchanged), the
 * same item count and dates.
 */
class ItemMemoryTest {

	private static final Instant NOW = Instant.parse("2025-06-04T12:00:00Z");

	private static final FeedContext CONTEXT = new FeedContext("alpha", "Alpha", "UK", "en", false, "World",
			"https://alpha.example/feed.xml", NOW);

	private final FeedParser parser = new FeedParser();

	private final ArticleNormalizer normalizer = new ArticleNormalizer(new HtmlSanitizer());

	private static String rss(String lastBuild, String... items) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
				<channel>
				  <title>Alpha</title>
				  <link>https://alpha.example/</link>
				  <lastBuildDate>%s</lastBuildDate>
				%s
				</channel>
				</rss>
				""".formatted(lastBuild, String.join("\n", items));
	}

	private static String item(String guid, String title, String body) {
		return ("  <item><title>%s</title><link>/news/%s</link><guid isPermaLink=\"false\">%s</guid>"
				+ "<pubDate>Wed, 04 Jun 2025 10:%s:00 GMT</pubDate>"
				+ "<content:encoded><![CDATA[<p>%s <a href=\"more\">more</a><img src=\"/i/%s.jpg\"></p>]]>"
				+ "</content:encoded></item>")
				.formatted(title, guid, guid, guid.length() > 1 ? "00" : "0" + guid, body, guid);
	}

	@Test
	void aNewAndAnEditedItemAreParsedTheOthersLeftOut() {
		String before = rss("Wed, 04 Jun 2025 11:00:00 GMT", item("3", "Three", "Third"), item("2", "Two", "Second"),
				item("1", "One", "First"));
		String after = rss("Wed, 04 Jun 2025 12:00:00 GMT", item("4", "Four", "Fourth"),
				item("3", "Three", "Third, corrected"), item("2", "Two", "Second"), item("1", "One", "First"));
		Comparison comparison = compare(before, after);
		assertThat(comparison).isNotNull();
		assertThat(comparison.leftOut()).isEqualTo(2);
		assertThat(comparison.stored()).extracting(article -> article.article().title()).containsExactly("Four",
				"Three");
	}

	@Test
	void aChangedShellParsesEverything() {
		String before = rss("x", item("2", "Two", "Second"), item("1", "One", "First"));
		// The feed's link resolves the items' relative links: every item changes.
		String after = before.replace("<link>https://alpha.example/</link>", "<link>https://alpha.example/uk/</link>");
		Comparison comparison = compare(before, after);
		assertThat(comparison.leftOut()).isZero();
		assertThat(comparison.stored()).extracting(article -> article.article().url())
				.containsExactly("https://alpha.example/news/2", "https://alpha.example/news/1");
	}

	@Test
	void aNewItemRepeatingALeftOutItemsGuidGivesBothTheIdentityOfAWholeParse() {
		String before = rss("x", item("2", "Two", "Second"), item("1", "One", "First"));
		// A repeated guid no longer identifies an item alone (ArticleNormalizer): the
		// left-out item "Two" would now get another identity, so everything is parsed.
		String after = rss("y",
				item("2", "Two again", "Another").replace("<link>/news/2</link>", "<link>/news/2b</link>"),
				item("2", "Two", "Second"), item("1", "One", "First"));
		Comparison comparison = compare(before, after);
		assertThat(comparison.leftOut()).isZero();
		assertThat(comparison.stored()).extracting(article -> article.article().title()).containsExactly("Two again",
				"Two", "One");
	}

	@Test
	void anItemRepeatingAnEarlierLeftOutItemsUrlIsNotStoredAsTheWholeParseWouldNot() {
		String before = rss("x", item("1", "One", "First"));
		String after = rss("y", item("1", "One", "First"),
				item("9", "One elsewhere", "Copy").replace("<link>/news/9</link>", "<link>/news/1</link>"));
		Comparison comparison = compare(before, after);
		assertThat(comparison.leftOut()).isEqualTo(1);
		assertThat(comparison.stored()).isEmpty();
	}

	@Test
	void atomEntriesAreLeftOutToo() {
		String feed = """
				<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://beta.example/news/">
				  <title>Beta</title><link href="https://beta.example/"/><updated>%s</updated>
				%s
				</feed>""";
		String one = "<entry><id>urn:1</id><title>One</title><link href=\"one\"/><updated>2025-06-04T10:00:00Z</updated>"
				+ "<content type=\"html\">&lt;a href=\"x\"&gt;x&lt;/a&gt;</content></entry>";
		String two = one.replace("urn:1", "urn:2").replace(">One<", ">Two<").replace("\"one\"", "\"two\"");
		Comparison comparison = compare(feed.formatted("2025-06-04T10:00:00Z", one),
				feed.formatted("2025-06-04T11:00:00Z", two + "\n" + one));
		assertThat(comparison.leftOut()).isEqualTo(1);
		assertThat(comparison.stored()).extracting(article -> article.article().title()).containsExactly("Two");
	}

	@Test
	void aFeedOfTooManyItemsIsNotRemembered() {
		List<String> items = new ArrayList<>();
		for (int i = 0; i <= ItemMemory.MAX_ITEMS; i++) {
			items.add("<item><guid>" + i + "</guid><title>" + i + "</title></item>");
		}
		byte[] body = rss("x", items.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8);
		ItemMemory.Normalized normalized = new ItemMemory(this.parser, this.normalizer)
				.parseChanged(body, null, CONTEXT, "feed", null, "h").normalized();
		assertThat(normalized).isNotNull();
		assertThat(normalized.items()).isEqualTo(ItemMemory.MAX_ITEMS + 1);
		assertThat(normalized.next()).isNull();
	}

	@Test
	void everyCorpusFeedComesOutAsItsWholeParse() throws IOException {
		Path corpus = CorpusTest.corpusDirectory();
		Assumptions.assumeTrue(corpus != null,
				"../shared/feeds absent: the corpus comparison is skipped (a clone elsewhere); the fixtures above "
						+ "cover each case");
		List<String> lines = Files.readAllLines(corpus.resolve("INDEX.tsv"), StandardCharsets.UTF_8);
		int compared = 0;
		int leftOut = 0;
		for (String line : lines.subList(1, lines.size())) {
			String[] columns = line.split("\t");
			Path file = corpus.resolve(columns[0]).resolve(columns[1]);
			String text;
			try {
				text = XmlCleaner.clean(FeedCharset.decode(CorpusTest.read(file), null));
			} catch (RuntimeException ex) {
				continue; // not text the parser gets this far with; the corpus test covers it
			}
			FeedItems items = FeedItems.of(text);
			if (items == null || items.size() < 2) {
				continue;
			}
			// The version before lacked the first item and carried other feed dates.
			String after = text;
			String before = items.without(i -> i == 0);
			int firstItem = before.indexOf(items.item(1));
			before = otherFeedDates(before.substring(0, firstItem)) + before.substring(firstItem);
			Comparison comparison = compare(before, after, file.toString());
			if (comparison != null) {
				compared++;
				leftOut += comparison.leftOut();
			}
		}
		System.out.printf("Item memory: %d corpus feeds compared, %d items left out%n", compared, leftOut);
		assertThat(compared).isGreaterThan(250);
		assertThat(leftOut).isGreaterThan(compared * 5);
	}

	private static final Pattern FEED_DATE = Pattern
			.compile("<(lastBuildDate|pubDate|updated)>([^<]*)</(lastBuildDate|pubDate|updated)>");

	private static String otherFeedDates(String shell) {
		Matcher matcher = FEED_DATE.matcher(shell);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = matcher.group(1).equals("updated")
					? "2001-02-03T04:05:06Z"
					: "Sat, 03 Feb 2001 04:05:06 GMT";
			matcher.appendReplacement(out, "<" + matcher.group(1) + ">" + value + "</" + matcher.group(3) + ">");
		}
		return matcher.appendTail(out).toString();
	}

	record Comparison(int leftOut, List<NormalizedArticle> stored) {
	}

	private Comparison compare(String before, String after) {
		Comparison comparison = compare(before, after, "fixture");
		assertThat(comparison).as("both versions parse and split into items").isNotNull();
		return comparison;
	}

	/**
	 * Polls {@code before} (a whole parse, remembered), then {@code after} with
	 * that memory, as {@link FeedPoller} does, and checks the result against a
	 * whole parse of {@code after}.
	 *
	 * @return {@code null} when the versions do not parse or cannot be split
	 */
	private @Nullable Comparison compare(String before, String after, String name) {
		byte[] beforeBytes = before.getBytes(StandardCharsets.UTF_8);
		byte[] afterBytes = after.getBytes(StandardCharsets.UTF_8);
		ItemMemory memory = new ItemMemory(this.parser, this.normalizer);
		ItemMemory.Parse first = memory.parseChanged(utf8(beforeBytes), null, CONTEXT, "feed", null, "before");
		if (!(first.outcome() instanceof ParseOutcome.Parsed parsedBefore) || first.normalized().next() == null) {
			return null;
		}
		memory.remember("feed", first.normalized().next());
		assertThat(memory.usable("feed", "before")).as(name).isNotNull();
		assertThat(memory.usable("feed", "another node's body")).isNull();
		ItemMemory.Parse second = memory.parseChanged(utf8(afterBytes), null, CONTEXT, "feed", "before", "after");
		ItemMemory.Normalized secondPoll = second.normalized();
		ParseOutcome whole = this.parser.parse(utf8(afterBytes), null);
		if (!(whole instanceof ParseOutcome.Parsed wholeParsed)) {
			assertThat(second.outcome()).as(name).isNotInstanceOf(ParseOutcome.Parsed.class);
			return null;
		}
		assertThat(secondPoll).as(name + ": parses as the whole document does").isNotNull();
		List<NormalizedArticle> all = this.normalizer.normalize(wholeParsed.feed(), CONTEXT);
		List<NormalizedArticle> beforeAll = this.normalizer.normalize(parsedBefore.feed(), CONTEXT);
		Map<String, NormalizedArticle> storedBefore = new LinkedHashMap<>();
		for (NormalizedArticle article : firstWins(beforeAll)) {
			storedBefore.put(article.article().id(), article);
		}
		Map<String, NormalizedArticle> stored = new LinkedHashMap<>();
		for (NormalizedArticle article : secondPoll.articles()) {
			stored.put(article.article().id(), article);
		}
		assertThat(secondPoll.items()).as(name).isEqualTo(wholeParsed.feed().items().size());
		assertThat(secondPoll.published()).as(name).containsExactlyInAnyOrderElementsOf(
				all.stream().filter(NormalizedArticle::dated).map(article -> article.article().publishedAt()).toList());
		List<NormalizedArticle> expected = firstWins(all);
		assertThat(stored.keySet()).as(name).isSubsetOf(expected.stream().map(a -> a.article().id()).toList());
		for (NormalizedArticle article : expected) {
			NormalizedArticle parsed = stored.get(article.article().id());
			if (parsed != null) {
				assertThat(parsed).as(name + ": " + article.identity()).isEqualTo(article);
			} else {
				// Left out: the store holds it from before, unchanged.
				NormalizedArticle earlier = storedBefore.get(article.article().id());
				assertThat(earlier).as(name + ": left out but never stored: " + article.identity()).isNotNull();
				assertThat(earlier.contentHash()).as(name + ": " + article.identity()).isEqualTo(article.contentHash());
			}
		}
		return new Comparison(secondPoll.leftOut(), List.copyOf(stored.values()));
	}

	/** As the article store keeps them: the first per identity and per URL. */
	private static List<NormalizedArticle> firstWins(List<NormalizedArticle> articles) {
		Set<String> ids = new HashSet<>();
		Set<String> urls = new HashSet<>();
		List<NormalizedArticle> kept = new ArrayList<>();
		for (NormalizedArticle article : articles) {
			if ((article.canonicalUrl() == null || urls.add(article.canonicalUrl()))
					&& ids.add(article.article().id())) {
				kept.add(article);
			}
		}
		return kept;
	}

	/**
	 * The text as UTF-8 behind a byte order mark, which outranks a prolog's
	 * encoding.
	 */
	private static byte[] utf8(byte[] bytes) {
		byte[] out = new byte[bytes.length + 3];
		out[0] = (byte) 0xef;
		out[1] = (byte) 0xbb;
		out[2] = (byte) 0xbf;
		System.arraycopy(bytes, 0, out, 3, bytes.length);
		return out;
	}

}
