package io.newsstand.aggregator.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FeedParserTest {

	private final FeedParser parser = new FeedParser();

	private ParsedFeed parsed(String fixture) {
		ParseOutcome outcome = this.parser.parse(Fixtures.bytes(fixture), null);
		assertThat(outcome).as("%s: %s", fixture, outcome).isInstanceOf(ParseOutcome.Parsed.class);
		return ((ParseOutcome.Parsed) outcome).feed();
	}

	@Nested
	class Formats {

		@Test
		void rss20ItemsCarryGuidAuthorDatesCategoriesContentAndMediaImage() {
			ParsedFeed feed = parsed("rss20-full.xml");
			assertThat(feed.format()).isEqualTo("rss_2.0");
			assertThat(feed.title()).isEqualTo("Synthetic Times");
			assertThat(feed.language()).isEqualTo("en-GB");
			assertThat(feed.ttl()).isEqualTo(Duration.ofMinutes(30));
			assertThat(feed.items()).hasSize(2);
			ParsedItem first = feed.items().get(0);
			assertThat(first.guid()).isEqualTo("synthetic-1");
			assertThat(first.author()).isEqualTo("Ada Writer");
			assertThat(first.published()).isEqualTo(Instant.parse("2025-06-03T09:30:00Z"));
			assertThat(first.categories()).containsExactly("World", "Weather");
			assertThat(first.contentHtml()).contains("The harbour reopened on Tuesday after the storm.");
			assertThat(first.images()).first().satisfies(image -> {
				assertThat(image.url()).isEqualTo("https://cdn.example.org/harbour.jpg");
				assertThat(image.caption()).isEqualTo("Boats return to the harbour");
				assertThat(image.credit()).isEqualTo("Photo: J. Doe");
			});
			assertThat(feed.items().get(1).images()).extracting(ParsedImage::url)
					.containsExactly("https://cdn.example.org/second.png");
		}

		@Test
		void atom10EntryHasIdAuthorPublishedUpdatedAndContent() {
			ParsedFeed feed = parsed("atom10-base.xml");
			assertThat(feed.format()).isEqualTo("atom_1.0");
			ParsedItem entry = feed.items().get(0);
			assertThat(entry.guid()).isEqualTo("urn:uuid:entry-1");
			assertThat(entry.link()).isEqualTo("https://blog.example.net/posts/atom-entry");
			assertThat(entry.author()).isEqualTo("Grace Author");
			assertThat(entry.published()).isEqualTo(Instant.parse("2025-06-01T08:00:00Z"));
			assertThat(entry.updated()).isEqualTo(Instant.parse("2025-06-02T09:00:00Z"));
			assertThat(entry.contentHtml()).contains("relative/page");
		}

		@Test
		void jsonFeed11ItemsCarryIdsAuthorsTagsImagesAndTextContent() {
			ParsedFeed feed = parsed("jsonfeed11.json");
			assertThat(feed.format()).isEqualTo("json_1.1");
			assertThat(feed.language()).isEqualTo("en-AU");
			ParsedItem first = feed.items().get(0);
			assertThat(first.guid()).isEqualTo("j-1");
			assertThat(first.author()).isEqualTo("Item Author");
			assertThat(first.categories()).containsExactly("Tech", "News");
			assertThat(first.published()).isEqualTo(Instant.parse("2025-05-30T02:00:00Z"));
			assertThat(first.images()).extracting(ParsedImage::url).containsExactly("https://json.example.com/a.jpg");
			ParsedItem second = feed.items().get(1);
			assertThat(second.guid()).isEqualTo("42");
			assertThat(second.author()).isEqualTo("Feed Author");
			assertThat(second.contentHtml()).isEqualTo("<p>First paragraph.</p><p>Second paragraph.</p>");
		}

		@Test
		void rss091WithNetscapeDoctypeAndHtmlEntitiesIsAccepted() {
			ParsedFeed feed = parsed("rss091-doctype.xml");
			assertThat(feed.format()).isEqualTo("rss_0.91U");
			assertThat(feed.items().get(0).title()).isEqualTo("Café opens – today");
		}

	}

	@Nested
	class Hostile {

		@Test
		void externalEntitiesAreNeverResolved() {
			ParseOutcome outcome = FeedParserTest.this.parser.parse(Fixtures.bytes("xxe.xml"), null);
			assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
			ParsedItem item = ((ParseOutcome.Parsed) outcome).feed().items().get(0);
			// The entity reference stays literal text; nothing from the file system or
			// network comes in.
			assertThat(item.title()).isEqualTo("Leak &xxe;");
			assertThat(item.summaryHtml()).isEqualTo("&xxe;");
		}

		@Test
		void billionLaughsIsNotExpanded() {
			long started = System.nanoTime();
			ParseOutcome outcome = FeedParserTest.this.parser.parse(Fixtures.bytes("billion-laughs.xml"), null);
			assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
			assertThat(((ParseOutcome.Parsed) outcome).feed().items().get(0).title()).isEqualTo("&lol9;");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		}

		@Test
		void anHtmlPageIsNamedNotAFeed() {
			assertThat(FeedParserTest.this.parser.parse(Fixtures.bytes("not-a-feed.html"), "text/html"))
					.isEqualTo(new ParseOutcome.NotAFeed("an HTML page, not a feed"));
		}

		@Test
		void binaryGarbageIsNamedNotAFeed() {
			byte[] garbage = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};
			assertThat(FeedParserTest.this.parser.parse(garbage, "image/png"))
					.isInstanceOf(ParseOutcome.NotAFeed.class);
		}

		@Test
		void truncatedXmlIsNamedMalformed() {
			byte[] truncated = "<rss version=\"2.0\"><channel><title>cut".getBytes(StandardCharsets.UTF_8);
			assertThat(FeedParserTest.this.parser.parse(truncated, null)).isInstanceOf(ParseOutcome.Malformed.class);
		}

		@Test
		void rssWithoutChannelIsNamedMalformedNotThrown() {
			byte[] body = "<rss version=\"2.0\"></rss>".getBytes(StandardCharsets.UTF_8);
			assertThat(FeedParserTest.this.parser.parse(body, null)).isInstanceOf(ParseOutcome.Malformed.class);
		}

		@Test
		void jsonThatIsNoJsonFeedIsNamedNotAFeed() {
			byte[] body = "{\"hello\": 1}".getBytes(StandardCharsets.UTF_8);
			assertThat(FeedParserTest.this.parser.parse(body, "application/json"))
					.isInstanceOf(ParseOutcome.NotAFeed.class);
		}

	}

	@Nested
	class Encodings {

		@Test
		void windows1252DeclaredInPrologDecodes() {
			ParsedFeed feed = parsed("windows-1252.xml");
			assertThat(feed.title()).isEqualTo("Cp1252 \u201cquoted\u201d");
			assertThat(feed.items().get(0).title()).isEqualTo("Naïve café \u2013 dash");
		}

		@Test
		void httpCharsetWinsOverTheProlog() {
			byte[] body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>caf\u00e9</title><link>https://h.example.com/</link><description>d</description></channel></rss>"
					.getBytes(StandardCharsets.ISO_8859_1);
			ParseOutcome outcome = FeedParserTest.this.parser.parse(body, "application/rss+xml; charset=ISO-8859-1");
			assertThat(((ParseOutcome.Parsed) outcome).feed().title()).isEqualTo("café");
		}

		@Test
		void utf8WithoutAnyDeclarationIsSniffed() {
			byte[] body = "<rss version=\"2.0\"><channel><title>Grüße</title><link>https://s.example.com/</link><description>d</description></channel></rss>"
					.getBytes(StandardCharsets.UTF_8);
			assertThat(((ParseOutcome.Parsed) FeedParserTest.this.parser.parse(body, "text/xml")).feed().title())
					.isEqualTo("Grüße");
		}

		@Test
		void utf16WithoutBomOrDeclarationIsDetected() {
			ParsedFeed feed = parsed("utf16le-nobom.xml");
			assertThat(feed.items().get(0).title()).isEqualTo("Grüße 日本");
		}

		@Test
		void utf8BomIsSkipped() {
			byte[] xml = "<rss version=\"2.0\"><channel><title>BOM</title><link>https://b.example.com/</link><description>d</description></channel></rss>"
					.getBytes(StandardCharsets.UTF_8);
			byte[] body = new byte[xml.length + 3];
			body[0] = (byte) 0xEF;
			body[1] = (byte) 0xBB;
			body[2] = (byte) 0xBF;
			System.arraycopy(xml, 0, body, 3, xml.length);
			assertThat(((ParseOutcome.Parsed) FeedParserTest.this.parser.parse(body, null)).feed().title())
					.isEqualTo("BOM");
		}

		@Test
		void illegalXmlCharactersAreRemovedAndStrayAmpersandsAndHtmlEntitiesHealed() {
			ParsedFeed feed = parsed("illegal-chars.xml");
			assertThat(feed.items().get(0).title()).isEqualTo("Bad char and bare & ampersand\u00a0here &bogus; ok");
		}

	}

}
