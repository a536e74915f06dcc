package io.newsstand.aggregator.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedItemsTest {

	private static final String RSS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<!-- generated: <item>not an item</item> -->
			<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
			<channel>
			  <title>Alpha</title>
			  <link>https://alpha.example/</link>
			  <lastBuildDate>Wed, 04 Jun 2025 12:00:00 GMT</lastBuildDate>
			  <pubDate>Wed, 04 Jun 2025 12:00:00 GMT</pubDate>
			  <image><url>https://alpha.example/logo.png</url><title>Alpha</title><link>https://alpha.example/</link></image>
			  <item><title>One</title><guid>1</guid><description><![CDATA[<p>a <item> in CDATA</item></p>]]></description></item>
			  <item data-note="a > in an attribute"><title>Two</title><guid>2</guid></item>
			  <item/>
			</channel>
			</rss>
			""";

	private static final String ATOM = """
			<?xml version="1.0" encoding="UTF-8"?>
			<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://beta.example/news/">
			  <title>Beta</title>
			  <updated>2025-06-04T12:00:00Z</updated>
			  <entry><title>One</title><id>urn:1</id><updated>2025-06-04T11:00:00Z</updated>
			    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><entry>nested, not an entry</entry></div></content>
			  </entry>
			  <entry><title>Two</title><id>urn:2</id><updated>2025-06-04T10:00:00Z</updated></entry>
			</feed>
			""";

	@Test
	void findsEveryRssItemPastCommentsCdataAndQuotedAttributes() {
		FeedItems items = FeedItems.of(RSS);
		assertThat(items).isNotNull();
		assertThat(items.size()).isEqualTo(3);
		assertThat(items.item(0)).startsWith("<item><title>One").endsWith("]]></description></item>");
		assertThat(items.item(1)).startsWith("<item data-note=\"a > in an attribute\">").endsWith("</item>");
		assertThat(items.item(2)).isEqualTo("<item/>");
		assertThat(items.digests()).doesNotHaveDuplicates();
	}

	@Test
	void findsAtomEntriesButNotElementsOfTheSameNameInsideThem() {
		FeedItems items = FeedItems.of(ATOM);
		assertThat(items).isNotNull();
		assertThat(items.size()).isEqualTo(2);
		assertThat(items.item(0)).contains("nested, not an entry").endsWith("</content>\n  </entry>");
	}

	@Test
	void theShellIgnoresTheFeedsOwnDatesAndNewItemsButNothingElse() {
		String shell = FeedItems.of(RSS).shell();
		assertThat(FeedItems.of(RSS.replace("12:00:00 GMT", "13:30:00 GMT")).shell()).isEqualTo(shell);
		String added = RSS.replace("  <item><title>One", "  <item><title>Zero</title></item>\n  <item><title>One");
		assertThat(FeedItems.of(added).shell()).isEqualTo(shell);
		assertThat(FeedItems.of(added).size()).isEqualTo(4);
		assertThat(FeedItems.of(RSS.replace("<title>Alpha</title>\n", "<title>Alpha!</title>\n")).shell())
				.isNotEqualTo(shell);
		assertThat(FeedItems.of(RSS.replace("https://alpha.example/</link>\n", "https://alpha.example/x/</link>\n"))
				.shell()).isNotEqualTo(shell);
		assertThat(FeedItems.of(RSS.replace("xmlns:dc=\"http://purl.org/dc/elements/1.1/\"",
				"xmlns:dc=\"http://purl.org/dc/elements/1.0/\"")).shell()).isNotEqualTo(shell);
		assertThat(FeedItems.of(ATOM.replace("2025-06-04T12:00:00Z", "2025-06-05T08:00:00Z")).shell())
				.isEqualTo(FeedItems.of(ATOM).shell());
		assertThat(FeedItems
				.of(ATOM.replace("xml:base=\"https://beta.example/news/\"", "xml:base=\"https://beta.example/other/\""))
				.shell()).isNotEqualTo(FeedItems.of(ATOM).shell());
	}

	@Test
	void anItemsDigestFollowsItsTextOnly() {
		FeedItems items = FeedItems.of(RSS);
		FeedItems edited = FeedItems.of(RSS.replace("<title>Two</title>", "<title>Two, edited</title>"));
		assertThat(edited.digests().get(0)).isEqualTo(items.digests().get(0));
		assertThat(edited.digests().get(1)).isNotEqualTo(items.digests().get(1));
	}

	@Test
	void leavesOutExactlyTheItemsAsked() {
		FeedItems items = FeedItems.of(RSS);
		String without = items.without(i -> i != 1);
		assertThat(without).doesNotContain("<title>One</title>").doesNotContain("<item/>").contains(items.item(1))
				.contains("<image><url>").endsWith("</channel>\n</rss>\n");
		assertThat(FeedItems.of(without).digests()).containsExactly(items.digests().get(1));
		assertThat(FeedItems.of(without).shell()).isEqualTo(items.shell());
	}

	@Test
	void answersNullForWhatItDoesNotHandle() {
		// RDF (RSS 1.0), a prefixed Atom root, a DTD, broken nesting, an unclosed tag,
		// and no root at all: the caller parses the whole document.
		assertThat(FeedItems.of("<rdf:RDF xmlns:rdf=\"x\"><item/></rdf:RDF>")).isNull();
		assertThat(FeedItems.of("<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\"/>")).isNull();
		assertThat(FeedItems.of("<!DOCTYPE rss [<!ENTITY a \"b\">]><rss><channel/></rss>")).isNull();
		assertThat(FeedItems.of("<rss><channel><item></channel></item></rss>")).isNull();
		assertThat(FeedItems.of("<rss><channel><item><title>x</title></item>")).isNull();
		assertThat(FeedItems.of("<rss><channel><item a=\"unclosed></item></channel></rss>")).isNull();
		assertThat(FeedItems.of("<!-- nothing -->")).isNull();
		assertThat(FeedItems.of("<rss/><rss/>")).isNull();
	}

}
