package io.newsstand.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.aggregator.Articles;
import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The quick look passes over only mappings that could not match: routing
 * answers exactly as Spring's full check does, encoded and odd paths included.
 */
@ResourceLock(SiteTest.CLOCK)
class FirstSegmentHandlerMappingTest extends SiteTest {

	@Autowired
	private RequestMappingHandlerMapping requestMappingHandlerMapping;

	@Autowired
	private Articles stories;

	@Test
	void theSiteRoutesThroughTheQuickLook() {
		assertThat(this.requestMappingHandlerMapping).isInstanceOf(FirstSegmentHandlerMapping.class);
	}

	@Test
	void aRequestsFirstSegmentIsComparedOnlyAsSent() {
		assertThat(FirstSegmentHandlerMapping.comparable("/articles/abc")).isEqualTo("articles");
		assertThat(FirstSegmentHandlerMapping.comparable("/account")).isEqualTo("account");
		// Compared in lower case, so a differently cased request still gets the full
		// check.
		assertThat(FirstSegmentHandlerMapping.comparable("/ARTICLES/abc")).isEqualTo("articles");
		assertThat(FirstSegmentHandlerMapping.comparable("/")).isEmpty();
		assertThat(FirstSegmentHandlerMapping.comparable("")).isEmpty();
		// Decoded, these could name any segment: Spring's full check decides.
		assertThat(FirstSegmentHandlerMapping.comparable("/%61rticles/abc")).isNull();
		assertThat(FirstSegmentHandlerMapping.comparable("/articles;v=1/abc")).isNull();
	}

	@Test
	void aMappingThatStartsWithAVariableOrWildcardIsAlwaysChecked() {
		assertThat(FirstSegmentHandlerMapping.literalStart("/articles/{id}")).isEqualTo("articles");
		assertThat(FirstSegmentHandlerMapping.literalStart("/api/v1/articles")).isEqualTo("api");
		assertThat(FirstSegmentHandlerMapping.literalStart("/{section}")).isNull();
		assertThat(FirstSegmentHandlerMapping.literalStart("/**")).isNull();
		assertThat(FirstSegmentHandlerMapping.literalStart("/{*path}")).isNull();
		assertThat(FirstSegmentHandlerMapping.literalStart("/")).isNull();
		assertThat(FirstSegmentHandlerMapping.literalStart("")).isNull();
		assertThat(FirstSegmentHandlerMapping.literalStart("/files/*.css")).isEqualTo("files");
		assertThat(FirstSegmentHandlerMapping.literalStart("/a?c/x")).isNull();
		RequestMappingInfo twoPatterns = RequestMappingInfo.paths("/saved", "/{x}/saved").options(builderConfig())
				.build();
		assertThat(FirstSegmentHandlerMapping.literalStarts(twoPatterns)).isEmpty();
		RequestMappingInfo literal = RequestMappingInfo.paths("/saved", "/history").options(builderConfig()).build();
		assertThat(FirstSegmentHandlerMapping.literalStarts(literal)).containsExactlyInAnyOrder("saved", "history");
	}

	@Test
	void routingAnswersAsSpringsFullCheckWould() {
		((FakeArticles) this.stories).putFree("routing-1", "A free story", "<p>Free text.</p>", null);
		SiteClient reader = client();
		var page = reader.get("/articles/routing-1");
		assertThat(page.statusCode()).isEqualTo(200);
		// The templates' static text goes out pre-encoded (jte's binary static
		// content): non-ASCII text arrives as written.
		assertThat(page.body()).contains("<title>A free story · Newsstand</title>");
		// A percent-encoded first segment gets Spring's full check, which decodes it.
		assertThat(reader.get("/%61rticles/routing-1").statusCode()).isEqualTo(200);
		// Case counts, as it did.
		assertThat(reader.get("/ARTICLES/routing-1").statusCode()).isEqualTo(404);
		assertThat(reader.get("/api/v1/articles/routing-1").statusCode()).isEqualTo(200);
		assertThat(reader.get("/no-such-section/at-all").statusCode()).isEqualTo(404);
	}

	private static RequestMappingInfo.BuilderConfiguration builderConfig() {
		RequestMappingInfo.BuilderConfiguration config = new RequestMappingInfo.BuilderConfiguration();
		config.setPatternParser(new PathPatternParser());
		return config;
	}

}
