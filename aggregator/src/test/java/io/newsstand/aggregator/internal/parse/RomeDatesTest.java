package io.newsstand.aggregator.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The feed dates parsed without Rome's date parser give the instant Rome's
 * gives, and what the fast path does not know still reaches Rome's.
 */
class RomeDatesTest {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {"Tue, 03 Jun 2025 09:30:00 GMT", "Tue, 3 Jun 2025 09:30:00 GMT",
			"Tue, 03 Jun 2025 09:30:00 +0200", "Tue, 03 Jun 2025 09:30:00 -0500", " Wed, 31 Jan 2018 07:26:05 GMT ",
			"Mon, 03 Jun 2025 09:30:00 GMT", "Tue, 03 Jun 25 09:30:00 GMT", "Tue, 03 Jun 2025 09:30:00 EST",
			"Tue, 03 Jun 2025 09:30 GMT", "03 Jun 2025 09:30:00 GMT", "2025-06-03T09:30:00Z",
			"2025-06-03T09:30:00+02:00", "2025-06-03T09:30:00-05:00", "2025-06-03T09:30:00.123Z",
			"2025-06-03T09:30:00.5Z", "2025-06-03T09:30:00.123456+01:00", "2025-06-03T09:30Z", "2025-06-03",
			"2025-06-03t09:30:00z", "Sept 3 2025", "not a date", "", "0001-01-01T00:00:00Z",
			"Mon, 01 Jan 0001 00:00:00 +0000", "0103-12-13T18:30:02Z", "2003-12-13T18:30:02.25Z"})
	void sameInstantAsRomesDateParser(String text) {
		assertThat(RomeFeedParser.date(text)).isEqualTo(RomeFeedParser.romeDate(text));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {"Tue, 03 Jun 2025 09:30:00 GMT", "2025-06-03T09:30:00Z"})
	void rss20AndAtomItemDatesReachTheParsedItem(String date) {
		String rss = "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>t</title>"
				+ "<link>https://d.example/</link><description>d</description><item><title>a</title><pubDate>" + date
				+ "</pubDate></item><item><title>b</title><dc:date>" + date + "</dc:date></item></channel></rss>";
		String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:f</id><updated>" + date
				+ "</updated><entry><title>a</title><id>urn:a</id><published>" + date + "</published><updated>" + date
				+ "</updated></entry></feed>";
		Instant expected = RomeFeedParser.romeDate(date).toInstant();
		for (String xml : new String[]{rss, atom}) {
			ParseOutcome outcome = new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), null);
			ParsedFeed feed = ((ParseOutcome.Parsed) outcome).feed();
			assertThat(feed.items()).allSatisfy(item -> assertThat(item.published()).isEqualTo(expected));
		}
		assertThat(new Date(expected.toEpochMilli())).isNotNull();
	}

}
