package io.newsstand.web.reading;

import io.newsstand.aggregator.Article;
import io.newsstand.web.api.ApiProblem;
import io.newsstand.web.membership.Offer;
import io.newsstand.web.paywall.Access;
import io.newsstand.web.security.Reader;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/articles/{id}}: the same paywall decision as the page.
 * {@code body} holds only what the reader may read.
 */
@RestController
class ArticleApiController {

	private final ArticleReading reading;

	private final Offer offer;

	ArticleApiController(ArticleReading reading, Offer offer) {
		this.reading = reading;
		this.offer = offer;
	}

	record PublisherJson(String id, String name) {
	}

	record ImageJson(String url, @Nullable String caption, @Nullable String credit) {
	}

	record OfferJson(int trialDays, List<Offer.PlanPrice> plans) {
	}

	record ArticleJson(String id, String title, String standfirst, String url, PublisherJson publisher,
			@Nullable String section, String region, @Nullable String author, Instant publishedAt, Instant updatedAt,
			List<String> categories, String language, int wordCount, int readingMinutes, boolean free,
			@Nullable ImageJson image, String access, String reason, String body, @Nullable Integer freeArticlesLeft,
			@Nullable OfferJson offer) {
	}

	@GetMapping("/api/v1/articles/{id}")
	ResponseEntity<ArticleJson> article(@PathVariable String id, @AuthenticationPrincipal @Nullable Reader reader,
			HttpServletRequest request) {
		ArticleReading.Read read = this.reading.open(id, (reader != null) ? reader.accountId() : null, request)
				.orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "There is no article with this id."));
		Article article = read.article();
		Access access = read.access();
		String reason;
		Integer left;
		OfferJson offer = null;
		switch (access) {
			case Access.Full full -> {
				reason = full.reason().code();
				left = (full.freeArticlesLeft() >= 0) ? full.freeArticlesLeft() : null;
			}
			case Access.Teaser teaser -> {
				reason = teaser.reason().code();
				left = (teaser.freeArticlesLeft() >= 0) ? teaser.freeArticlesLeft() : null;
				Offer.Terms terms = this.offer.terms();
				offer = new OfferJson(terms.trialDays(), terms.plans());
			}
		}
		ArticleJson json = new ArticleJson(article.id(), article.title(), article.summary(), article.url(),
				new PublisherJson(article.publisherId(), article.publisherName()), article.section(), article.region(),
				article.author(), article.publishedAt(), article.updatedAt(), article.categories(), article.language(),
				article.wordCount(), article.readingMinutes(), article.free(),
				(article.image() != null)
						? new ImageJson(article.image().url(), article.image().caption(), article.image().credit())
						: null,
				access.full() ? "full" : "teaser", reason, read.body(), left, offer);
		CacheControl cache = (reader == null)
				? CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic()
				: CacheControl.noStore().cachePrivate();
		return ResponseEntity.ok().cacheControl(cache).header("Vary", "Authorization").body(json);
	}

}
