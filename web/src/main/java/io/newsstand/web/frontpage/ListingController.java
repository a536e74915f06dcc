package io.newsstand.web.frontpage;

import io.newsstand.aggregator.ArticlePage;
import io.newsstand.aggregator.ArticleQuery;
import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.InvalidCursorException;
import io.newsstand.aggregator.Publisher;
import io.newsstand.web.security.Reader;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The publishers index, a publisher's page, the sections index and a section's
 * page: the latest articles newest first, a page at a time (the aggregator's
 * cursors).
 */
@Controller
class ListingController {

	private static final int PAGE = 20;

	/** Stories of the reader's edition above a section's list. */
	private static final int FROM_EDITION = 3;

	private final Articles articles;

	private final Editions editions;

	ListingController(Articles articles, Editions editions) {
		this.articles = articles;
		this.editions = editions;
	}

	@GetMapping("/publishers")
	String publishers(Model model) {
		model.addAttribute("publishers", this.articles.publishers());
		return "listing/publishers";
	}

	@GetMapping("/publishers/{id}")
	String publisher(@PathVariable String id, @RequestParam(required = false) @Nullable String cursor, Model model) {
		Publisher publisher = this.articles.publisher(id)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		ArticlePage page = page(new ArticleQuery(publisher.id(), null, null, cursor, PAGE));
		model.addAttribute("page", new ListingPages.PublisherPage(publisher, page.items(),
				next("/publishers/" + publisher.id(), page), cursor == null));
		return "listing/publisher";
	}

	@GetMapping("/sections")
	String sections(Model model) {
		model.addAttribute("sections", CatalogSections.of(this.articles.publishers()));
		return "listing/sections";
	}

	@GetMapping("/sections/{slug}")
	String section(@PathVariable String slug, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String edition, @AuthenticationPrincipal @Nullable Reader reader,
			HttpServletRequest request, Model model) {
		CatalogSections.SectionName section = CatalogSections.section(this.articles.publishers(), slug)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Edition chosen = this.editions.resolve(request, reader, edition);
		ArticlePage page = page(new ArticleQuery(null, section.name(), null, cursor, PAGE));
		List<ArticleSummary> fromEdition = (cursor == null && chosen != Edition.INTERNATIONAL)
				? this.articles.latest(new ArticleQuery(null, section.name(), chosen.code(), null, FROM_EDITION))
						.items()
				: List.of();
		model.addAttribute("page", new ListingPages.SectionPage(section, chosen, fromEdition, page.items(),
				next("/sections/" + section.slug(), page), cursor == null));
		return "listing/section";
	}

	private ArticlePage page(ArticleQuery query) {
		try {
			return this.articles.latest(query);
		} catch (InvalidCursorException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "This page link is not valid any more.");
		}
	}

	private static @Nullable String next(String path, ArticlePage page) {
		return (page.nextCursor() != null)
				? path + "?cursor=" + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8)
				: null;
	}

}
