package io.newsstand.web.gift;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.Articles;
import io.newsstand.web.mail.PublicUrl;
import io.newsstand.web.membership.Offer;
import io.newsstand.web.paywall.Entitlements;
import io.newsstand.web.paywall.Paywall;
import io.newsstand.web.security.Reader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Gift pages: the gift form's target on the article page, the member's gifts
 * ({@code /gifts}) with revoke, and the link itself ({@code /gift/{token}}),
 * which opens one article for anyone and nothing else: it signs nobody in and
 * sets no cookie.
 */
@Controller
class GiftController {

	private final Gifting gifting;

	private final GiftLinks links;

	private final Articles articles;

	private final Entitlements entitlements;

	private final Paywall paywall;

	private final Offer offer;

	private final PublicUrl publicUrl;

	GiftController(Gifting gifting, GiftLinks links, Articles articles, Entitlements entitlements, Paywall paywall,
			Offer offer, PublicUrl publicUrl) {
		this.gifting = gifting;
		this.links = links;
		this.articles = articles;
		this.entitlements = entitlements;
		this.paywall = paywall;
		this.offer = offer;
		this.publicUrl = publicUrl;
	}

	@PostMapping("/articles/{id}/gift")
	String give(@PathVariable String id, @AuthenticationPrincipal Reader reader,
			@RequestParam(required = false) @Nullable String from, Model model, HttpServletResponse response) {
		Gifting.Outcome outcome = this.gifting.give(reader.accountId(), id, from);
		String back = "/articles/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
		return switch (outcome.refusal()) {
			case Gifting.NotMember refused -> message(HttpStatus.FORBIDDEN, "Gifts are for members", refused.message(),
					"/membership", model, response);
			case Gifting.NoSuchArticle refused ->
				message(HttpStatus.NOT_FOUND, "Nothing was gifted", refused.message(), "/", model, response);
			case Gifting.BadName refused -> message(HttpStatus.UNPROCESSABLE_CONTENT, "Nothing was gifted",
					refused.message(), back, model, response);
			case null -> switch (outcome.giving()) {
				case GiftLinks.Given given ->
					"redirect:/gifts?given=" + given.gift().id() + (given.created() ? "&new" : "");
				case GiftLinks.Exhausted exhausted ->
					message(HttpStatus.TOO_MANY_REQUESTS, "You have given this month's gifts",
							"You have given all " + exhausted.allowance().limit() + " gifts this month. You get "
									+ exhausted.allowance().limit()
									+ " new ones on the 1st. A link you already gave for an article still works, and "
									+ "gifting that article again costs nothing.",
							"/gifts", model, response);
				case null -> throw new IllegalStateException("Gifting answered nothing for " + id);
			};
		};
	}

	@GetMapping("/gifts")
	String gifts(@AuthenticationPrincipal Reader reader, @RequestParam(required = false) @Nullable String given,
			@RequestParam(name = "new", required = false) @Nullable String fresh, Model model,
			HttpServletResponse response) {
		GiftLinks.Allowance allowance = this.links.allowance(reader.accountId());
		List<GiftListView.Item> items = this.links.of(reader.accountId()).stream().map(this::item).toList();
		GiftListView.Item shown = items.stream().filter(item -> item.id().equals(given)).findFirst().orElse(null);
		model.addAttribute("view", new GiftListView(allowance.limit(), allowance.left(), items, shown, fresh != null,
				this.entitlements.mayReadInFull(reader.accountId())));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		return "gift/gifts";
	}

	@PostMapping("/gifts/{id}/revoke")
	String revoke(@PathVariable String id, @AuthenticationPrincipal Reader reader, Model model,
			HttpServletResponse response) {
		if (!this.links.revoke(reader.accountId(), id)) {
			return message(HttpStatus.NOT_FOUND, "Nothing was revoked",
					"You have no such gift link. It may have been revoked already.", "/gifts", model, response);
		}
		return "redirect:/gifts?revoked";
	}

	@GetMapping("/gift/{token}")
	String open(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
		// The page carries paid text for one link: no shared cache, no search engine.
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		response.setHeader("X-Robots-Tag", "noindex, nofollow");
		GiftLinks.Lookup lookup = this.links.open(token);
		Gift gift = switch (lookup) {
			case GiftLinks.Valid valid -> valid.gift();
			case GiftLinks.Gone gone -> gone.gift();
			case GiftLinks.Unknown unknown -> null;
		};
		Article article = (gift != null) ? this.articles.article(gift.articleId()).orElse(null) : null;
		if (gift == null || article == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "gift/unknown";
		}
		boolean full = lookup instanceof GiftLinks.Valid;
		if (full && !"HEAD".equals(request.getMethod())) {
			this.gifting.opened(gift, article);
		}
		if (!full) {
			response.setStatus(HttpStatus.GONE.value());
		}
		String body = full ? article.body() : this.paywall.teaser(article.body());
		model.addAttribute("view", new GiftView(article, gift.from(), full,
				lookup instanceof GiftLinks.Gone gone && gone.revoked(), body, gift.expiresAt(), this.offer.terms()));
		return "gift/article";
	}

	private GiftListView.Item item(Gift gift) {
		String title = this.articles.article(gift.articleId()).map(Article::title).orElse(gift.articleId());
		return new GiftListView.Item(gift.id(), this.publicUrl.resolve(gift.path()), gift.articleId(), title,
				gift.expiresAt(), gift.expired(this.gifting.now()));
	}

	static String message(HttpStatus status, String title, String message, String back, Model model,
			HttpServletResponse response) {
		response.setStatus(status.value());
		model.addAttribute("title", title);
		model.addAttribute("message", message);
		model.addAttribute("back", back);
		return "personal/message";
	}

}
