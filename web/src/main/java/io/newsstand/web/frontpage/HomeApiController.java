package io.newsstand.web.frontpage;

import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.web.personal.Follows;
import io.newsstand.web.security.Reader;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/v1/home}: the front page's lists as JSON, teasers only. The
 * edition is the one asked for, else the signed-in reader's, else
 * International.
 */
@RestController
class HomeApiController {

	private final FrontPage frontPage;

	private final Editions editions;

	private final Follows follows;

	HomeApiController(FrontPage frontPage, Editions editions, Follows follows) {
		this.frontPage = frontPage;
		this.editions = editions;
		this.follows = follows;
	}

	record TopJson(ArticleSummary article, int sources) {
	}

	record SectionJson(String name, String slug, List<ArticleSummary> items) {
	}

	record HomeJson(String edition, List<TopJson> top, List<ArticleSummary> picks, List<ArticleSummary> latest,
			List<SectionJson> sections, Instant computedAt) {
	}

	@GetMapping("/api/v1/home")
	HomeJson home(@RequestParam(required = false) @Nullable String edition,
			@AuthenticationPrincipal @Nullable Reader reader) {
		if (edition != null && Edition.parse(edition).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "edition must be one of AU, UK, US, INT.");
		}
		HomeLists lists = this.frontPage.lists(this.editions.ofAccount(reader, edition))
				.without((reader != null) ? this.follows.muted(reader.accountId()) : Set.of());
		return new HomeJson(lists.edition().code(),
				lists.top().stream().map(top -> new TopJson(top.story(), top.sources())).toList(), lists.picks(),
				lists.latest(),
				lists.sections().stream()
						.map(section -> new SectionJson(section.name(), section.slug(), section.stories())).toList(),
				lists.computedAt());
	}

}
