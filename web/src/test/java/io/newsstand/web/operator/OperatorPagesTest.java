package io.newsstand.web.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The header's "Operator" link leads to a page (it answered 404), and the
 * operator's pages sit in the site's layout, with its navigation; only admins
 * see them.
 */
class OperatorPagesTest extends SiteTest {

	private static final String PASSWORD = "correct horse battery staple";

	@Test
	void theOperatorLinkLeadsToTheOperatorsPagesInsideTheSite() {
		SiteClient admin = admin();
		Document front = Jsoup.parse(admin.get("/").body());
		String operator = front.selectFirst("nav.account-nav a:containsOwn(Operator)").attr("href");
		HttpResponse<String> home = admin.get(operator);
		assertThat(home.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(home.body());
		assertThat(page.selectFirst("nav.account-nav")).as("the site's navigation").isNotNull();
		assertThat(page.select("main a").eachAttr("href")).contains("/operator/feeds", "/operator/payouts",
				"/editor/picks");
		for (String link : page.select("main a[href^=/operator]").eachAttr("href")) {
			assertThat(admin.get(link).statusCode()).as(link).isEqualTo(200);
		}
		Document feeds = Jsoup.parse(admin.get("/operator/feeds").body());
		assertThat(feeds.selectFirst("nav.account-nav")).isNotNull();
		assertThat(feeds.selectFirst("h1").text()).isEqualTo("Feed health");
		assertThat(feeds.selectFirst("#feed-summary").text()).startsWith("0 feeds, 0 failing or disabled");
		assertThat(admin.get("/operator/feeds?enabled=%3Cb%3Eharbour%3C/b%3E").body())
				.contains("&lt;b&gt;harbour&lt;/b&gt;").doesNotContain("<b>harbour</b>");
	}

	@Test
	void aReaderIsRefusedAndAStrangerSentToSignIn() {
		SiteClient reader = client();
		reader.signUp(uniqueEmail("not-operator"), PASSWORD);
		assertThat(Jsoup.parse(reader.get("/").body()).select("nav.account-nav a:containsOwn(Operator)")).isEmpty();
		for (String path : new String[]{"/operator", "/operator/feeds"}) {
			assertThat(reader.get(path).statusCode()).as(path).isEqualTo(403);
			HttpResponse<String> stranger = client().get(path);
			assertThat(stranger.statusCode()).as(path).isEqualTo(302);
			assertThat(stranger.headers().firstValue("Location"))
					.hasValueSatisfying(location -> assertThat(location).contains("/signin?next="));
		}
	}

}
