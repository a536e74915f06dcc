package io.newsstand.aggregator.internal.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The same feed bytes through plain Rome (the baseline), our whole pipeline,
 * and the hash that lets an unchanged body skip parsing. Run by
 * {@link ParseBenchmarkTest}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseBenchmark {

	@Param({"synthetic-50", "guardian"})
	public String feed;

	private byte[] bytes;

	private final FeedParser parser = new FeedParser();

	private final ArticleNormalizer normalizer = new ArticleNormalizer(new HtmlSanitizer());

	private final FeedContext context = new FeedContext("bench", "Bench", "UK", "en", false, "World",
			"https://bench.example/feed.xml", Instant.parse("2030-01-01T00:00:00Z"));

	@Setup
	public void load() throws IOException {
		this.bytes = switch (this.feed) {
			case "guardian" -> {
				Path corpus = CorpusTest.corpusDirectory();
				yield corpus == null
						? synthetic50()
						: CorpusTest.read(corpus.resolve("rbren-rss-parser/test/input/guardian.rss"));
			}
			default -> synthetic50();
		};
	}

	/**
	 * A realistic news feed: 50 items with full bodies, authors, images,
	 * categories; about 150 KB.
	 */
	static byte[] synthetic50() {
		StringBuilder xml = new StringBuilder(
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>Bench Times</title><link>https://bench.example/</link><description>Benchmark feed</description><language>en-GB</language>");
		for (int i = 0; i < 50; i++) {
			xml.append("<item><title>Story number ").append(i).append(" &amp; what it means for the week ahead</title>")
					.append("<link>https://bench.example/news/").append(i)
					.append("?utm_source=rss&amp;utm_medium=feed</link>").append("<guid isPermaLink=\"false\">bench-")
					.append(i).append("</guid>").append("<pubDate>Tue, 03 Jun 2025 ")
					.append(String.format("%02d", i % 24)).append(":30:00 GMT</pubDate>").append("<dc:creator>Writer ")
					.append(i % 7).append("</dc:creator><category>World</category><category>Politics</category>")
					.append("<description>&lt;p&gt;A summary of story ").append(i)
					.append(" with enough words to be a real teaser for readers.&lt;/p&gt;</description>")
					.append("<content:encoded><![CDATA[");
			for (int p = 0; p < 8; p++) {
				xml.append("<p>Paragraph ").append(p).append(" of story ").append(i)
						.append(": officials said on Tuesday that the plan would be reviewed, and <a href=\"/related/")
						.append(p)
						.append("\" onclick=\"track()\">related coverage</a> followed. Residents gathered to hear the details, ")
						.append("while critics argued that the timetable had been rushed and supporters called it overdue.</p>");
			}
			xml.append("<figure><img src=\"https://img.bench.example/").append(i)
					.append(".jpg\" alt=\"Photo\"><figcaption>Caption</figcaption></figure>")
					.append("<script>tracker()</script>]]></content:encoded>")
					.append("<media:content url=\"https://img.bench.example/").append(i)
					.append(".jpg\" medium=\"image\"><media:description>Caption ").append(i)
					.append("</media:description><media:credit>Photographer</media:credit></media:content></item>");
		}
		return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
	}

	@Benchmark
	public int plainRome() {
		return RomeFeedParser.plainRome(this.bytes);
	}

	@Benchmark
	public List<NormalizedArticle> pipeline() {
		ParseOutcome outcome = this.parser.parse(this.bytes, "application/rss+xml");
		return this.normalizer.normalize(((ParseOutcome.Parsed) outcome).feed(), this.context);
	}

	@Benchmark
	public byte[] unchangedBodyHash() throws NoSuchAlgorithmException {
		return MessageDigest.getInstance("SHA-256").digest(this.bytes);
	}

	static int syntheticSize() {
		return synthetic50().length;
	}

}
