package io.newsstand.web.reading;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.ArticleImage;
import io.newsstand.web.api.ApiProblem;
import io.newsstand.web.cards.Cards;
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
 * {@code body} holds only what the reader may read, with its pictures through
 * the image proxy as on the page, and the lead picture comes with proxied
 * addresses: an app showing them tells no publisher who reads what.
 */
@RestController
class ArticleApiController {

	/** The lead picture's width on the article page. */
	private static final int LEAD_WIDTH = 960;

	private final ArticleReading reading;

	private final Offer offer;

	private final Cards cards;

	ArticleApiController(ArticleReading reading, Offer offer, Cards cards) {
		this.reading = reading;
		this.offer = offer;
		this.cards = cards;
	}

	record PublisherJson(String id, String name) {
	}

	/**
	 * {@code url} is the publisher's address (for attribution); {@code src} and
	 * {@code srcset} are this site's proxied copies, null when the proxy cannot
	 * serve the address.
	 */
	record ImageJson(String url, @Nullable String src, @Nullable String srcset, @Nullable String caption,
			@Nullable String credit) {
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
				article.wordCount(), article.readingMinutes(), article.free(), image(article),
				access.full() ? "full" : "teaser", reason, this.cards.body(read.body()), left, offer);
		CacheControl cache = (reader == null)
				? CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic()
				: CacheControl.noStore().cachePrivate();
		return ResponseEntity.ok().cacheControl(cache).header("Vary", "Authorization").body(json);
	}

	private @Nullable ImageJson image(Article article) {
		ArticleImage image = article.image();
		if (image == null) {
			return null;
		}
		return new ImageJson(image.url(), this.cards.image(image.url(), LEAD_WIDTH), this.cards.srcset(image.url()),
				image.caption(), image.credit());
	}

}
