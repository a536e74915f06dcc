package io.newsstand.web.frontpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.SiteTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Publisher and section pages, and their indexes, page through the latest
 * stories with cursors.
 */
@ResourceLock(SiteTest.CLOCK)
class ListingPagesTest extends FrontPageSiteTest {

	@Test
	void aPublisherPageShowsThePublisherAndPagesThroughItsStories() {
		for (int i = 0; i < 25; i++) {
			article("story-" + i, AU, "Sport", Duration.ofMinutes(i));
		}
		String first = client().get("/publishers/" + AU).body();
		// The logo comes through the image proxy: a reader's browser never fetches the
		// publisher's server.
		assertThat(first).contains("Sydney Post").contains("AU edition")
				.contains("<img class=\"publisher-logo publisher-logo-large\" src=\"/img/")
				.doesNotContain("https://sydney.example/logo.png").contains("href=\"https://sydney.example\"")
				.contains("href=\"/sections/sport\"").contains("Headline of story-0").contains("Headline of story-19")
				.doesNotContain("Headline of story-20");
		Matcher next = Pattern.compile("href=\"(/publishers/[^\"]+\\?cursor=[^\"]+)\" rel=\"next\"").matcher(first);
		assertThat(next.find()).isTrue();
		String second = client().get(next.group(1).replace("&amp;", "&")).body();
		assertThat(second).contains("Headline of story-20").contains("Headline of story-24")
				.doesNotContain("Headline of story-19").doesNotContain("rel=\"next\"");
		assertThat(client().get("/publishers/no-such-publisher").statusCode()).isEqualTo(404);
		assertThat(client().get("/publishers/" + AU + "?cursor=nonsense").statusCode()).isEqualTo(400);
	}

	@Test
	void theIndexesListPublishersAndSections() {
		String publishers = client().get("/publishers").body();
		assertThat(publishers).contains("href=\"/publishers/" + AU + "\"").contains("Boston Herald");
		String sections = client().get("/sections").body();
		assertThat(sections).contains("href=\"/sections/world\"").contains("href=\"/sections/sport\"");
		assertThat(sections.indexOf("/sections/world")).as("most publishers first")
				.isLessThan(sections.indexOf("/sections/sport"));
	}

	@Test
	void aSectionPageListsTheSectionsStoriesOfEveryPublisher() {
		String world = article("world", UK, "World", Duration.ofMinutes(5), "Talks <b>resume</b> & end", "S");
		String sport = article("sport", AU, "Sport", Duration.ofMinutes(5));
		HttpResponse<String> page = client().get("/sections/world");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<h1>World</h1>").contains("href=\"/articles/" + world + "\"")
				.contains("Talks &lt;b&gt;resume&lt;/b&gt; &amp; end").doesNotContain(sport);
		assertThat(client().get("/sections/no-such-section").statusCode()).isEqualTo(404);
	}

}
