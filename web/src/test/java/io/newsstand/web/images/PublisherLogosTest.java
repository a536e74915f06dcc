package io.newsstand.web.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.Publisher;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublisherLogosTest {

	private final ImageLinks links = new ImageLinks(
			"0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

	private static Publisher publisher(String id, String logo) {
		return new Publisher(id, id, "https://example.com/" + id, logo, "UK", "en-GB", false, List.of("World"));
	}

	private PublisherLogos logos(Publisher... publishers) {
		Articles articles = mock(Articles.class);
		when(articles.publishers()).thenReturn(List.of(publishers));
		return new PublisherLogos(articles, this.links);
	}

	@Test
	void theAppsOwnLogosAreUsedAsTheyAre() {
		assertThat(logos(publisher("harbour-gazette", "/demo/logos/harbour-gazette.svg")).src("harbour-gazette"))
				.isEqualTo("/demo/logos/harbour-gazette.svg");
	}

	@Test
	void aPublishersOwnLogoGoesThroughTheProxy() {
		PublisherLogos logos = logos(publisher("daily", "https://daily.example/logo.png"));
		assertThat(logos.src("daily")).isEqualTo(this.links.src("https://daily.example/logo.png", 320))
				.startsWith("/img/");
	}

	@Test
	void noLogoOrNoPublisherGivesNull() {
		PublisherLogos logos = logos(publisher("plain", null), publisher("odd", "//evil.example/logo.png"));
		assertThat(logos.src("plain")).isNull();
		assertThat(logos.src("nobody")).isNull();
		assertThat(logos.src("odd")).isNull();
	}

}
