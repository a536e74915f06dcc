package io.newsstand.web.paywall;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.Articles;
import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Paid words reach no one the paywall does not let read them, whatever the
 * channel: every page and API answer a stranger, an unconfirmed account and a
 * reader whose free articles are spent can reach, crawled from the front page
 * and from every article, search for the paid words themselves, other
 * representations ({@code Accept: application/json}, HEAD), the offline web
 * app's files. Each paid article's last paragraph holds a marker
 * ({@link FakeArticles#secret}) that no answer to them may contain. A new
 * channel is covered as soon as a page links to it.
 */
class PaidTextCrawlTest extends SiteTest {

	private static final String PASSWORD = "correct horse battery staple";

	/** Enough for the site's pages and every article's, with room to grow. */
	private static final int MAX_FETCHES = 600;

	@Autowired
	Articles articles;

	@Test
	void aStrangerFindsNoPaidWordAnywhere() {
		assertNoPaidWords(client(), paidArticles());
	}

	@Test
	void anAccountWhoseAddressIsUnconfirmedFindsNoPaidWordAnywhere() {
		SiteClient reader = client();
		String email = uniqueEmail("unconfirmed");
		assertThat(reader.signUpOnly(email, PASSWORD).statusCode()).isEqualTo(302);
		assertThat(reader.signIn(email, PASSWORD).headers().firstValue("Location")).as("signed in")
				.hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
		assertNoPaidWords(reader, paidArticles());
	}

	@Test
	void aReaderWhoseFreeArticlesAreSpentFindsOnlyTheOnesTheyRead() {
		SiteClient reader = client();
		reader.signUp(uniqueEmail("metered"), PASSWORD);
		List<Article> paid = paidArticles();
		List<Article> unread = new ArrayList<>(paid);
		for (int i = 0; i < 3; i++) {
			Article article = paid.get(i);
			assertThat(reader.get("/articles/" + article.id()).body()).as("a free article of the month")
					.contains(FakeArticles.secret(article.id()));
			unread.remove(article);
		}
		assertThat(reader.get("/articles/" + unread.get(0).id()).body()).as("the meter is spent")
				.doesNotContain(FakeArticles.secret(unread.get(0).id()));
		assertNoPaidWords(reader, unread);
	}

	private List<Article> paidArticles() {
		List<Article> paid = ((FakeArticles) this.articles).all().stream().filter(article -> !article.free())
				.filter(article -> article.body().contains(FakeArticles.secret(article.id())))
				.sorted(Comparator.comparing(Article::id)).toList();
		assertThat(paid).as("paid articles with a marker").hasSizeGreaterThanOrEqualTo(5);
		return paid;
	}

	private void assertNoPaidWords(SiteClient reader, List<Article> paid) {
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> queue = new ArrayDeque<>(seeds(paid));
		List<String> leaks = new ArrayList<>();
		while (!queue.isEmpty() && seen.size() < MAX_FETCHES) {
			String path = queue.removeFirst();
			if (!seen.add(path)) {
				continue;
			}
			for (HttpResponse<String> answer : answers(reader, path)) {
				String text = answer.body() + " " + answer.headers().map();
				String asked = URLDecoder.decode(path, StandardCharsets.UTF_8);
				for (Article article : paid) {
					String secret = FakeArticles.secret(article.id());
					// A search for the marker itself shows the words asked for: there, no
					// result may be listed.
					boolean leaked = asked.contains(secret) ? listsResults(answer) : text.contains(secret);
					if (leaked) {
						leaks.add(secret + " in " + answer.request().method() + " " + path);
					}
				}
				if (answer.request().method().equals("GET") && isHtml(answer)) {
					links(answer.body()).stream().filter(link -> !seen.contains(link)).forEach(queue::addLast);
				}
			}
		}
		assertThat(seen.size()).as("pages crawled").isGreaterThan(40);
		assertThat(leaks).as("paid words in answers to a reader who may not read them").isEmpty();
	}

	private static List<String> seeds(List<Article> paid) {
		List<String> seeds = new ArrayList<>(List.of("/", "/articles", "/sections", "/publishers", "/for-you", "/saved",
				"/history", "/following", "/offline", "/offline/saved", "/sw.js", "/manifest.webmanifest",
				"/api/v1/home", "/api/v1/articles?limit=100", "/api/v1/publishers", "/api/v1/me/payouts",
				"/api/v1/me/history", "/api/v1/me/saved"));
		for (String words : List.of("SECRET-ENDING", "ending", "\"last paragraph holds\"", "holds", "secret")) {
			String q = URLEncoder.encode(words, StandardCharsets.UTF_8);
			seeds.add("/search?q=" + q);
			seeds.add("/api/v1/search?q=" + q);
		}
		for (Article article : paid) {
			seeds.add("/articles/" + article.id());
			seeds.add("/api/v1/articles/" + article.id());
			seeds.add("/api/v1/articles/" + article.id() + "/related");
			String q = URLEncoder.encode("\"" + FakeArticles.secret(article.id()) + "\"", StandardCharsets.UTF_8);
			seeds.add("/search?q=" + q);
			seeds.add("/api/v1/search?q=" + q);
		}
		return seeds;
	}

	/** The page as a browser gets it, as JSON, and its HEAD. */
	private List<HttpResponse<String>> answers(SiteClient reader, String path) {
		List<HttpResponse<String>> answers = new ArrayList<>();
		answers.add(reader.get(path));
		if (!path.startsWith("/api/")) {
			answers.add(reader.get(path, "Accept", "application/json"));
		}
		answers.add(reader.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.method("HEAD", HttpRequest.BodyPublishers.noBody()).build()));
		return answers;
	}

	private static boolean listsResults(HttpResponse<String> answer) {
		if (answer.body().isEmpty()) {
			return false;
		}
		return isHtml(answer)
				? !Jsoup.parse(answer.body()).select(".search-result").isEmpty()
				: !answer.body().contains("\"items\":[]");
	}

	private static boolean isHtml(HttpResponse<String> answer) {
		return answer.headers().firstValue("Content-Type").map(type -> type.startsWith("text/html")).orElse(false);
	}

	/** Same-site links a reader can follow without changing anything. */
	private static List<String> links(String html) {
		List<String> links = new ArrayList<>();
		for (Element link : Jsoup.parse(html).select("a[href], link[href]")) {
			String href = link.attr("href");
			if (!href.startsWith("/") || href.startsWith("//") || href.startsWith("/signout")
					|| href.startsWith("/img/") || href.startsWith("/dev/") || href.startsWith("/sandbox/")) {
				continue;
			}
			int hash = href.indexOf('#');
			links.add((hash >= 0) ? href.substring(0, hash) : href);
		}
		return links;
	}

}
