package io.newsstand.web.reading;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.aggregator.Articles;
import io.newsstand.web.api.ApiProblem;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/articles/{id}/related}: the same lists as the article
 * page, teasers only, the same for every reader.
 */
@RestController
class RelatedApiController {

	private final Articles articles;

	private final RelatedStories related;

	RelatedApiController(Articles articles, RelatedStories related) {
		this.articles = articles;
		this.related = related;
	}

	record RelatedJson(List<ArticleSummary> alsoCoveredBy, List<ArticleSummary> related) {
	}

	@GetMapping("/api/v1/articles/{id}/related")
	ResponseEntity<RelatedJson> related(@PathVariable String id) {
		Article article = (id.length() > 200) ? null : this.articles.article(id).orElse(null);
		if (article == null) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "There is no article with this id.");
		}
		RelatedStories.Lists lists = this.related.of(article);
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
				.body(new RelatedJson(lists.alsoCoveredBy(), lists.related()));
	}

}
