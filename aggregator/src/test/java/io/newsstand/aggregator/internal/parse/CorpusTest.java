package io.newsstand.aggregator.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Article;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared feed corpus ({@code ../shared/feeds}, read in place, never
 * copied): every file through the parser, exact fields on a curated set, and
 * the sanitiser on feedparser's sanitize cases. Skipped, with a message, in a
 * clone that has no corpus next to it; the module's own fixtures cover every
 * behaviour without it.
 */
public class CorpusTest {

	private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

	private static Path corpus;

	private final FeedParser parser = new FeedParser();

	private final ArticleNormalizer normalizer = new ArticleNormalizer(new HtmlSanitizer());

	@BeforeAll
	static void findCorpus() {
		corpus = corpusDirectory();
		Assumptions.assumeTrue(corpus != null, "../shared/feeds absent: corpus test skipped (a clone elsewhere)");
	}

	/** The feed corpus of ../shared, or {@code null} in a clone without it. */
	public static @Nullable Path corpusDirectory() {
		String root = System.getProperty("newsstand.repo.root", System.getProperty("user.dir") + "/..");
		Path path = Path.of(root).resolve("../shared/feeds").normalize();
		return Files.isRegularFile(path.resolve("INDEX.tsv")) ? path : null;
	}

	/** A corpus file's bytes as served (the gzip-compressed captures inflated). */
	public static byte[] read(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
			// Two captures are stored gzip-compressed, as served; the fetcher decompresses
			// such bodies.
			try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
				return in.readAllBytes();
			}
		}
		return bytes;
	}

	private List<Article> articles(ParsedFeed feed) {
		return this.normalizer
				.normalize(feed,
						new FeedContext("corpus", "Corpus", "UK", "en", false, null, "https://feed.example/", NOW))
				.stream().map(NormalizedArticle::article).toList();
	}

	@Test
	void everyFileEndsAsAParsedFeedOrANamedFailure() throws IOException {
		List<String> lines = Files.readAllLines(corpus.resolve("INDEX.tsv"), StandardCharsets.UTF_8);
		Map<String, Integer> outcomes = new TreeMap<>();
		List<String> thrown = new ArrayList<>();
		int parsed = 0;
		int plainRome = 0;
		int articles = 0;
		for (String line : lines.subList(1, lines.size())) {
			String[] columns = line.split("\t");
			Path file = corpus.resolve(columns[0]).resolve(columns[1]);
			try {
				ParseOutcome outcome = this.parser.parse(read(file), null);
				assertThat(outcome).as(file.toString()).isNotNull();
				String kind = outcome.getClass().getSimpleName();
				if (RomeFeedParser.plainRome(read(file)) >= 0) {
					plainRome++;
				}
				if (outcome instanceof ParseOutcome.Parsed ok) {
					parsed++;
					articles += articles(ok.feed()).size();
				} else if (outcome instanceof ParseOutcome.Malformed malformed) {
					assertThat(malformed.reason()).as(file.toString()).isNotBlank();
					if (System.getenv("CORPUS_DEBUG") != null) {
						System.out.println("MALFORMED " + columns[0] + "/" + columns[1] + " :: " + malformed.reason());
					}
				} else if (outcome instanceof ParseOutcome.NotAFeed notAFeed) {
					assertThat(notAFeed.reason()).as(file.toString()).isNotBlank();
				}
				outcomes.merge(kind, 1, Integer::sum);
			} catch (RuntimeException | Error ex) {
				thrown.add(file + ": " + ex);
			}
		}
		System.out.printf("Corpus: %d files, outcomes %s, %d articles; plain Rome parses %d%n", lines.size() - 1,
				outcomes, articles, plainRome);
		assertThat(thrown).as("nothing may throw past the parser").isEmpty();
		assertThat(lines.size() - 1).isGreaterThan(4000);
		// Our charset handling and healing must not lose a feed that plain Rome reads.
		assertThat(parsed).isGreaterThanOrEqualTo(plainRome);
	}

	static Stream<Arguments> feedparserExpectations() throws IOException {
		try (InputStream in = CorpusTest.class.getResourceAsStream("/corpus-expectations.tsv")) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return text.lines().map(line -> line.split("\t", -1))
					.map(columns -> Arguments.of(columns[0], columns[1], columns[2], columns[3])).toList().stream();
		}
	}

	@ParameterizedTest(name = "{0} {1}.{2}")
	@MethodSource("feedparserExpectations")
	void fieldsMatchFeedparsersExpectations(String file, String scope, String field, String expected)
			throws IOException {
		ParseOutcome outcome = this.parser.parse(read(corpus.resolve(file)), null);
		assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
		ParsedFeed feed = ((ParseOutcome.Parsed) outcome).feed();
		boolean channel = scope.equals("feed");
		ParsedItem item = feed.items().isEmpty() ? null : feed.items().get(0);
		String actual = switch (field) {
			case "title" -> channel ? feed.title() : ArticleNormalizer.text(item.title());
			case "link" -> channel ? feed.link() : item.link();
			case "id" -> item.guid();
			case "author" -> item.author();
			case "language" -> feed.language();
			default -> throw new IllegalArgumentException(field);
		};
		assertThat(actual).isEqualTo(expected.replace("\\n", "\n"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			rbren-rss-parser/test/input/guardian.rss | rss_2.0 | 55 | Trump State of the Union address promised unity but emphasized discord | https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord | David Smith in Washington | 2018-01-31T07:26:05Z | Photograph: Networ/Sipa USA/REX/Shutterstock
			rbren-rss-parser/test/input/heise.atom | atom_1.0 | 15 | Java-Anwendungsserver: Red Hat gibt WildFly 10 frei | http://www.heise.de/developer/meldung/Java-Anwendungsserver-Red-Hat-gibt-WildFly-10-frei-3088438.html | null | 2016-02-01T16:22:00Z | null
			miniflux-v2/internal/reader/parser/testdata/encoding_ISO-8859-1.xml | rss_2.0 | 40 | Red Dead Redemption 2: Hinweise auf PC-Umsetzung in App von Rockstar Games | https://www.golem.de/news/red-dead-redemption-2-hinweise-auf-pc-umsetzung-in-app-von-rockstar-games-1810-137358-rss.html | null | 2018-10-28T12:48:00Z | null
			miniflux-v2/internal/reader/parser/testdata/rdf_UTF8.xml | rss_0.9 | 60 | OLED-TVs: Vorsichtsmaßnahmen gegen Einbrennen | https://www.heise.de/newsticker/meldung/OLED-TVs-Vorsichtsmassnahmen-gegen-Einbrennen-4205274.html | null | 2030-01-01T00:00:00Z | null
			miniflux-v2/internal/reader/parser/testdata/urdu_UTF8.xml | rss_2.0 | 26 | امریکی عسکری امداد کی بندش کی وجوہات: انڈیا سے جنگ، جوہری پروگرام اور اب دہشت گردوں کی پشت پناہی | http://www.bbc.com/urdu/pakistan-42575603 | null | 2018-01-05T16:51:00Z | null
			brightdigit-SyndiKit/Data/XML/cnn_latest.xml | rss_2.0 | 30 | As Ebola outbreak grows in Uganda, US ramps up preparedness plans | https://www.cnn.com/2022/11/16/health/ebola-us-preparedness-cdc/index.html | null | 2022-11-16T13:13:25Z | null
			brightdigit-SyndiKit/Data/JSON/cnn_latest.json | json_1.0 | 30 | As Ebola outbreak grows in Uganda, US ramps up preparedness plans | https://www.cnn.com/2022/11/16/health/ebola-us-preparedness-cdc/index.html | null | 2022-11-16T13:13:25Z | null
			danmactough-node-feedparser/test/feeds/wapowellness.xml | rss_2.0 | 29 | Schools minister to kids’ fitness and nutrition needs | http://feeds.washingtonpost.com/click.phdo?i=cc0c5fb09865354bbec8415210a554da | Lenny Bernstein | 2012-08-21T15:33:00Z | null
			danmactough-node-feedparser/test/feeds/iconv.xml | rss_2.0 | 10 | В Бузулуке главные стройплощадки – детсад и Ледовый дворец | http://www.oren.ru/news/2743422/ | null | 2014-01-22T14:31:31Z | null
			feed-rs-feed-rs/feed-rs/fixture/rss2/rss_2.0_spiegel.xml | rss_2.0 | 1 | 07.02. – die Wochenvorschau: Lockdown-Verlängerung, Kriegsverbrecher vor Gericht, Super Bowl, Karneval | null | null | 2021-02-06T23:01:00Z | null
			""")
	void realPublisherCapturesGiveExactArticles(String file, String format, int items, String title, String url,
			String author, String published, String imageCredit) throws IOException {
		ParseOutcome outcome = this.parser.parse(read(corpus.resolve(file)), null);
		assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
		ParsedFeed feed = ((ParseOutcome.Parsed) outcome).feed();
		assertThat(feed.format()).isEqualTo(format);
		assertThat(feed.items()).hasSize(items);
		Article first = articles(feed).get(0);
		assertThat(first.title()).isEqualTo(title);
		if (url != null) {
			assertThat(first.url()).isEqualTo(url);
		}
		assertThat(first.author()).isEqualTo(author);
		assertThat(first.publishedAt()).isEqualTo(Instant.parse(published));
		if (imageCredit != null) {
			assertThat(first.image().credit()).isEqualTo(imageCredit);
		}
		assertThat(first.body()).doesNotContainIgnoringCase("<script");
	}

	@Test
	void inPlaceSanitiserAgreesWithJsoupsCleanerOnEveryCorpusBody() throws IOException {
		List<String> lines = Files.readAllLines(corpus.resolve("INDEX.tsv"), StandardCharsets.UTF_8);
		HtmlSanitizer sanitizer = new HtmlSanitizer();
		CleanerReference reference = new CleanerReference();
		List<String> differences = new ArrayList<>();
		int bodies = 0;
		for (String line : lines.subList(1, lines.size())) {
			String[] columns = line.split("\t");
			Path file = corpus.resolve(columns[0]).resolve(columns[1]);
			if (this.parser.parse(read(file), null) instanceof ParseOutcome.Parsed parsed) {
				for (ParsedItem item : parsed.feed().items()) {
					String html = item.contentHtml() != null ? item.contentHtml() : item.summaryHtml();
					if (html == null) {
						continue;
					}
					bodies++;
					String base = item.link() == null
							? "https://feed.example/"
							: Urls.canonical(item.link(), "https://feed.example/");
					String ours = sanitizer.sanitize(html, base);
					String theirs = reference.sanitize(html, base);
					if (!ours.equals(theirs)) {
						differences.add(file + "\n  ours:   " + ours.replace("\n", "\\n") + "\n  jsoup:  "
								+ theirs.replace("\n", "\\n") + "\n  html:   " + html.replace("\n", "\\n"));
					}
				}
			}
		}
		System.out.printf("Sanitiser: %d bodies, %d differ from jsoup's Cleaner%n", bodies, differences.size());
		differences.stream().limit(20).forEach(System.out::println);
		assertThat(differences).isEmpty();
	}

	/**
	 * Taking the dates out before Rome builds its model changes nothing Rome would
	 * have given: every corpus feed parses to the same items as with Rome doing
	 * everything itself (but the xml:base, which only our preparation reads).
	 */
	@Test
	void preparedRomeParseGivesWhatRomeAloneGivesOnEveryCorpusFeed() throws IOException {
		List<String> lines = Files.readAllLines(corpus.resolve("INDEX.tsv"), StandardCharsets.UTF_8);
		RomeFeedParser rome = new RomeFeedParser();
		List<String> differences = new ArrayList<>();
		int feeds = 0;
		for (String line : lines.subList(1, lines.size())) {
			String[] columns = line.split("\t");
			Path file = corpus.resolve(columns[0]).resolve(columns[1]);
			String text = FeedCharset.decode(read(file), null);
			if (!text.stripLeading().startsWith("<")) {
				continue;
			}
			String xml = XmlCleaner.clean(text);
			ParseOutcome ours = rome.parse(xml);
			ParseOutcome alone = RomeFeedParser.parseWithRomeAlone(xml);
			if (ours instanceof ParseOutcome.Parsed parsed && alone instanceof ParseOutcome.Parsed expected) {
				feeds++;
				List<ParsedItem> withoutBase = parsed.feed().items().stream()
						.map(item -> new ParsedItem(item.guid(), item.link(), item.title(), item.author(),
								item.published(), item.updated(), item.summaryHtml(), item.contentHtml(), item.images(),
								item.categories(), null))
						.toList();
				ParsedFeed comparable = new ParsedFeed(parsed.feed().format(), parsed.feed().title(),
						parsed.feed().link(), parsed.feed().language(), parsed.feed().ttl(), withoutBase);
				if (!comparable.equals(expected.feed())) {
					differences.add(file.toString());
				}
			} else if (ours.getClass() != alone.getClass()) {
				differences.add(file + ": " + ours + " but Rome alone " + alone);
			}
		}
		System.out.printf("Rome preparation: %d feeds parsed, %d differ from Rome alone%n", feeds, differences.size());
		assertThat(feeds).isGreaterThan(4000);
		assertThat(differences).isEmpty();
	}

	static Stream<Arguments> xmlBaseCases() throws IOException {
		Path directory = corpusDirectory();
		if (directory == null) {
			return Stream.empty();
		}
		Pattern expect = Pattern
				.compile("entries\\[0\\]\\['(content'\\]\\[0\\]|summary_detail'\\])\\['base'\\] == '([^']+)'");
		List<Arguments> cases = new ArrayList<>();
		try (Stream<Path> files = Files.list(directory.resolve("kurtmckee-feedparser/tests/wellformed/base"))) {
			for (Path file : files.filter(path -> path.getFileName().toString().startsWith("entry_")).sorted()
					.toList()) {
				Matcher matcher = expect.matcher(Files.readString(file));
				if (matcher.find()) {
					cases.add(Arguments.of(file, matcher.group(1).startsWith("content") ? "content" : "summary",
							matcher.group(2)));
				}
			}
		}
		return cases.stream();
	}

	/**
	 * feedparser's xml:base cases for entry content and summary: relative URLs in
	 * the article body resolve against the base feedparser expects (a summary's
	 * base matters only when it is the body, without content).
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("xmlBaseCases")
	void feedparsersXmlBaseCasesResolveTheBodysUrls(Path file, String element, String base) throws IOException {
		ParseOutcome outcome = this.parser.parse(read(file), null);
		assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
		ParsedItem item = ((ParseOutcome.Parsed) outcome).feed().items().get(0);
		Assumptions.assumeTrue(element.equals("content") || item.contentHtml() == null,
				"the summary's base, but the body is the content");
		assertThat(item.base()).isEqualTo(base);
		Article article = articles(((ParseOutcome.Parsed) outcome).feed()).get(0);
		if (article.body().contains("href")) {
			assertThat(article.body()).contains("href=\"" + base + "test.html\"");
		}
	}

	static Stream<Path> sanitizeCases() throws IOException {
		Path directory = corpusDirectory();
		if (directory == null) {
			return Stream.empty();
		}
		try (Stream<Path> files = Files.list(directory.resolve("kurtmckee-feedparser/tests/wellformed/sanitize"))) {
			return files.filter(path -> path.toString().endsWith(".xml")).sorted().toList().stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sanitizeCases")
	void sanitizeCasesLeaveNothingExecutable(Path file) throws IOException {
		ParseOutcome outcome = this.parser.parse(read(file), null);
		if (!(outcome instanceof ParseOutcome.Parsed parsed)) {
			assertThat(outcome).isInstanceOfAny(ParseOutcome.Malformed.class, ParseOutcome.NotAFeed.class);
			return;
		}
		for (Article article : articles(parsed.feed())) {
			for (Element element : Jsoup.parseBodyFragment(article.body()).body().getAllElements()) {
				assertThat(element.tagName()).as(file.getFileName().toString()).isNotIn("script", "style", "form",
						"input", "button", "textarea", "select", "object", "embed", "applet", "meta", "link", "base",
						"frame", "frameset", "svg", "math");
				if (element.tagName().equals("iframe")) {
					assertThat(element.attr("src")).startsWith("https://");
				}
				for (Attribute attribute : element.attributes()) {
					String name = attribute.getKey().toLowerCase(Locale.ROOT);
					String value = attribute.getValue().toLowerCase(Locale.ROOT).replaceAll("\\s", "");
					assertThat(name).as(file.getFileName().toString()).doesNotStartWith("on").isNotEqualTo("style");
					assertThat(value).as(file.getFileName() + " " + name).doesNotContain("javascript:", "vbscript:",
							"data:", "expression(");
				}
			}
			assertThat(article.title()).doesNotContain("<script");
		}
	}

}
