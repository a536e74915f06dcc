package io.newsstand.web.reading;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.Articles;
import io.newsstand.web.frontpage.Picks;
import io.newsstand.web.frontpage.StoryLists;
import io.newsstand.web.mail.PublicUrl;
import io.newsstand.web.membership.Offer;
import io.newsstand.web.security.Reader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The article page: the whole article, or its teaser and the join box, as the
 * paywall decides. Query parameters ({@code ?print}, anything) and the
 * {@code Accept} header change nothing: the decision depends only on who reads
 * which article.
 */
@Controller
class ArticleController {

	private final Articles articles;

	private final ArticleReading reading;

	private final Offer offer;

	private final StoryLists stories;

	private final PublicUrl publicUrl;

	private final StructuredData structuredData;

	private final RelatedStories related;

	private final Picks picks;

	ArticleController(Articles articles, ArticleReading reading, Offer offer, StoryLists stories, PublicUrl publicUrl,
			StructuredData structuredData, RelatedStories related, Picks picks) {
		this.related = related;
		this.picks = picks;
		this.articles = articles;
		this.reading = reading;
		this.offer = offer;
		this.stories = stories;
		this.publicUrl = publicUrl;
		this.structuredData = structuredData;
	}

	@GetMapping("/articles/{id}")
	String article(@PathVariable String id, @AuthenticationPrincipal @Nullable Reader reader, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		String accountId = (reader != null) ? reader.accountId() : null;
		boolean offlineCopy = OfflineCopy.requested(request);
		ArticleReading.Read read = (offlineCopy
				? this.reading.offlineCopy(id, accountId)
				: this.reading.open(id, accountId, request))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (offlineCopy) {
			OfflineCopy.allow(reader != null && read.access().full(), response);
		}
		Article article = read.article();
		String canonical = this.publicUrl.resolve("/articles/" + article.id());
		RelatedStories.Lists lists = this.related.of(article);
		model.addAttribute("view",
				new ArticleView(article, this.articles.publisher(article.publisherId()).orElse(null), read.access(),
						read.body(), this.offer.terms(), lists.related(), this.stories.top(request, article.id(), 5),
						this.structuredData.of(article, canonical), reader != null, lists.alsoCoveredBy()));
		model.addAttribute("canonical", canonical);
		model.addAttribute("ourPicks", this.stories.picks(request, article.id(), 4));
		if (reader != null && reader.admin()) {
			model.addAttribute("pick", this.picks.find(article.id()).orElse(null));
		}
		// A page for one reader (signed in, or a full paywalled article) is never
		// stored by any cache; the anonymous teaser and free articles are the same
		// for everyone.
		if (reader == null) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=60");
			response.setHeader(HttpHeaders.VARY, "Cookie");
		} else {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		}
		return "reading/article";
	}

}
