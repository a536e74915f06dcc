package io.newsstand.web.articles;

import io.newsstand.aggregator.ArticleQuery;
import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.Publisher;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/publishers} and {@code /api/v1/articles}: lists of teasers for
 * everyone. One article with its body is {@code GET /api/v1/articles/{id}},
 * answered behind the paywall by {@code web.reading.ArticleApiController}.
 */
@RestController
@RequestMapping("/api/v1")
class ArticlesController {

	private final Articles articles;

	ArticlesController(Articles articles) {
		this.articles = articles;
	}

	@GetMapping("/publishers")
	ListResponse<Publisher> publishers() {
		return new ListResponse<>(this.articles.publishers(), null);
	}

	@GetMapping("/articles")
	ListResponse<ArticleSummary> latest(@RequestParam(required = false) @Nullable String publisher,
			@RequestParam(required = false) @Nullable String section,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String topic,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "" + ArticleQuery.DEFAULT_LIMIT) int limit) {
		var page = this.articles.latest(new ArticleQuery(publisher, section, region, topic, cursor, limit));
		return new ListResponse<>(page.items(), page.nextCursor());
	}

}
