package io.newsstand.web.gift;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.Articles;
import io.newsstand.web.api.ApiProblem;
import io.newsstand.web.images.BodyImages;
import io.newsstand.web.mail.PublicUrl;
import io.newsstand.web.paywall.Paywall;
import io.newsstand.web.security.Reader;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Gift links as JSON: a member's own ({@code /api/v1/me/gifts}, bearer token)
 * and the link itself ({@code GET /api/v1/gifts/{token}}, for apps that open a
 * shared link): the article in full while the link works, 410 with the teaser
 * after, 404 for a link that never was.
 */
@RestController
class GiftApiController {

	private final Gifting gifting;

	private final GiftLinks links;

	private final Articles articles;

	private final Paywall paywall;

	private final PublicUrl publicUrl;

	private final BodyImages bodyImages;

	GiftApiController(Gifting gifting, GiftLinks links, Articles articles, Paywall paywall, PublicUrl publicUrl,
			BodyImages bodyImages) {
		this.bodyImages = bodyImages;
		this.gifting = gifting;
		this.links = links;
		this.articles = articles;
		this.paywall = paywall;
		this.publicUrl = publicUrl;
	}

	record GiveRequest(@Nullable String articleId, @Nullable String from) {
	}

	record GiftJson(String id, String url, String articleId, @Nullable String from, Instant createdAt,
			Instant expiresAt, boolean expired) {
	}

	record AllowanceJson(int perMonth, int used, int left) {
	}

	record GivenJson(GiftJson gift, boolean created, AllowanceJson allowance) {
	}

	record GiftsJson(AllowanceJson allowance, List<GiftJson> items) {
	}

	record GiftArticleJson(String giftId, String from, Instant expiresAt, String access, String id, String title,
			String standfirst, String publisherId, String publisherName, @Nullable String author, Instant publishedAt,
			String body) {
	}

	@PostMapping("/api/v1/me/gifts")
	ResponseEntity<GivenJson> give(@AuthenticationPrincipal Reader reader, @RequestBody GiveRequest request) {
		if (request.articleId() == null || request.articleId().isBlank()) {
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "Name the article to gift: {\"articleId\": \"...\"}.",
					Map.of("articleId", "required"));
		}
		Gifting.Outcome outcome = this.gifting.give(reader.accountId(), request.articleId(), request.from());
		switch (outcome.refusal()) {
			case Gifting.NotMember refused -> throw new ApiProblem(HttpStatus.FORBIDDEN, refused.message());
			case Gifting.NoSuchArticle refused -> throw new ApiProblem(HttpStatus.NOT_FOUND, refused.message());
			case Gifting.BadName refused -> throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, refused.message(),
					Map.of("from", refused.message()));
			case null -> {
			}
		}
		return switch (outcome.giving()) {
			case GiftLinks.Given given -> ResponseEntity.status(given.created() ? HttpStatus.CREATED : HttpStatus.OK)
					.cacheControl(CacheControl.noStore())
					.body(new GivenJson(json(given.gift()), given.created(), json(given.allowance())));
			case GiftLinks.Exhausted exhausted -> throw exhausted(exhausted.allowance());
			case null -> throw new IllegalStateException("Gifting answered nothing for " + request.articleId());
		};
	}

	@GetMapping("/api/v1/me/gifts")
	ResponseEntity<GiftsJson> gifts(@AuthenticationPrincipal Reader reader) {
		GiftsJson body = new GiftsJson(json(this.links.allowance(reader.accountId())),
				this.links.of(reader.accountId()).stream().map(this::json).toList());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	@DeleteMapping("/api/v1/me/gifts/{id}")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal Reader reader, @PathVariable String id) {
		if (!this.links.revoke(reader.accountId(), id)) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "You have no gift link with this id.");
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/gifts/{token}")
	ResponseEntity<GiftArticleJson> open(@PathVariable String token, HttpServletRequest request) {
		GiftLinks.Lookup lookup = this.links.open(token);
		Gift gift = switch (lookup) {
			case GiftLinks.Valid valid -> valid.gift();
			case GiftLinks.Gone gone -> gone.gift();
			case GiftLinks.Unknown unknown -> null;
		};
		Article article = (gift != null) ? this.articles.article(gift.articleId()).orElse(null) : null;
		if (gift == null || article == null) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "There is no such gift link.");
		}
		boolean full = lookup instanceof GiftLinks.Valid;
		if (full && !"HEAD".equals(request.getMethod())) {
			this.gifting.opened(gift, article);
		}
		String body = this.bodyImages.proxied(full ? article.body() : this.paywall.teaser(article.body()));
		GiftArticleJson json = new GiftArticleJson(gift.id(), gift.from(), gift.expiresAt(), full ? "full" : "teaser",
				article.id(), article.title(), article.summary(), article.publisherId(), article.publisherName(),
				article.author(), article.publishedAt(), body);
		return ResponseEntity.status(full ? HttpStatus.OK : HttpStatus.GONE)
				.cacheControl(CacheControl.noStore().cachePrivate()).header("X-Robots-Tag", "noindex").body(json);
	}

	private ApiProblem exhausted(GiftLinks.Allowance allowance) {
		ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "You have given all " + allowance.limit()
				+ " gifts this month. Gifting an article you already gifted this month costs nothing.");
		Instant next = YearMonth.from(this.gifting.now().atZone(ZoneOffset.UTC)).plusMonths(1).atDay(1)
				.atStartOfDay(ZoneOffset.UTC).toInstant();
		problem.getHeaders().set("Retry-After",
				Long.toString(Math.max(1, next.getEpochSecond() - this.gifting.now().getEpochSecond())));
		return problem;
	}

	private GiftJson json(Gift gift) {
		return new GiftJson(gift.id(), this.publicUrl.resolve(gift.path()), gift.articleId(),
				gift.from().isEmpty() ? null : gift.from(), gift.createdAt(), gift.expiresAt(),
				gift.expired(this.gifting.now()));
	}

	private static AllowanceJson json(GiftLinks.Allowance allowance) {
		return new AllowanceJson(allowance.limit(), allowance.used(), allowance.left());
	}

}
