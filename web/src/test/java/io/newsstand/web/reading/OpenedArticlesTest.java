package io.newsstand.web.reading;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Article;
import io.newsstand.web.articles.ArticleOpened;
import io.newsstand.web.paywall.Access;
import io.newsstand.web.paywall.Reading;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class OpenedArticlesTest {

	private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

	private static final Article ARTICLE = new Article("a1", "Harbour reopens", "https://news.example/harbour", "pub",
			"Publisher", "Business", "AU", null, NOW, NOW, "Summary", "<p>Body</p>", null, List.of(), "en", 2, 1,
			false);

	private final List<Object> events = new ArrayList<>();

	private final OpenedArticles opened = new OpenedArticles(this.events::add, Clock.fixed(NOW, ZoneOffset.UTC));

	private static MockHttpServletRequest request(String method, String address, String agent) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/articles/a1");
		request.setRemoteAddr(address);
		request.addHeader("User-Agent", agent);
		return request;
	}

	@Test
	void aGetAnnouncesTheArticleTheReaderAndWhatTheySaw() {
		this.opened.opened(ARTICLE, new Reading("acc-1", "a1", false), new Access.Full(Access.FullReason.MEMBER, -1),
				request("GET", "10.0.0.1", "Firefox"));
		assertThat(this.events).containsExactly(new ArticleOpened("a1", "pub", "Business", "acc-1", "a:acc-1",
				OpenedArticles.addressKey(request("GET", "10.0.0.1", "Firefox")), true, NOW, true));
	}

	@Test
	void aMeteredOrFreeFullReadIsNotTheMembershipsRead() {
		this.opened.opened(ARTICLE, new Reading("acc-1", "a1", false), new Access.Full(Access.FullReason.METERED, 2),
				request("GET", "10.0.0.1", "Firefox"));
		this.opened.opened(ARTICLE, new Reading("acc-1", "a1", true),
				new Access.Full(Access.FullReason.FREE_PUBLISHER, -1), request("GET", "10.0.0.1", "Firefox"));
		assertThat(this.events).map(ArticleOpened.class::cast).extracting(ArticleOpened::full).containsExactly(true,
				true);
		assertThat(this.events).map(ArticleOpened.class::cast).extracting(ArticleOpened::member).containsExactly(false,
				false);
	}

	@Test
	void aHeadOpensNothing() {
		this.opened.opened(ARTICLE, new Reading(null, "a1", false),
				new Access.Teaser(Access.TeaserReason.ANONYMOUS, -1), request("HEAD", "10.0.0.1", "Firefox"));
		assertThat(this.events).isEmpty();
	}

	@Test
	void anonymousReadersAreTheSameReaderByAddressWhateverTheirAgentWithoutKeepingTheAddress() {
		String first = OpenedArticles.readerKey(null, request("GET", "10.0.0.1", "Firefox"));
		assertThat(OpenedArticles.readerKey(null, request("GET", "10.0.0.1", "Firefox"))).isEqualTo(first);
		assertThat(OpenedArticles.readerKey(null, request("GET", "10.0.0.2", "Firefox"))).isNotEqualTo(first);
		assertThat(OpenedArticles.readerKey(null, request("GET", "10.0.0.1", "Safari"))).isEqualTo(first);
		assertThat(first).startsWith("v:").doesNotContain("10.0.0.1").hasSize(26);
	}

	@Test
	void anIpv6ClientIsOneClientAcrossItsSlash64() {
		String first = OpenedArticles.readerKey(null, request("GET", "2001:db8:1:2:aaaa::1", "Firefox"));
		assertThat(OpenedArticles.readerKey(null, request("GET", "2001:db8:1:2:ffff:1:2:3", "Curl"))).isEqualTo(first);
		assertThat(OpenedArticles.readerKey(null, request("GET", "2001:db8:1:3::1", "Firefox"))).isNotEqualTo(first);
		assertThat(OpenedArticles.addressKey(request("GET", "2001:db8:1:2::9", "x")))
				.isEqualTo(OpenedArticles.addressKey(request("GET", "2001:db8:1:2::1", "y")));
	}

}
