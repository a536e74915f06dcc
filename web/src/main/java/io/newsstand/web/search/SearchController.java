package io.newsstand.web.search;

import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.Publisher;
import io.newsstand.web.security.Reader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The search page: the form (also in every page's header), results with
 * snippets, filters and paging. An empty search shows the form; a refused
 * parameter shows what to change, with status 400; past the client's rate limit
 * the page says when to try again, with status 429 and {@code Retry-After}.
 */
@Controller
class SearchController {

	private final Searches searches;

	private final Articles articles;

	private final SearchRateLimit limit;

	SearchController(Searches searches, Articles articles, SearchRateLimit limit) {
		this.searches = searches;
		this.articles = articles;
		this.limit = limit;
	}

	@GetMapping("/search")
	String search(SearchRequest request, @AuthenticationPrincipal @Nullable Reader reader, Model model,
			HttpServletRequest http, HttpServletResponse response) {
		List<Publisher> publishers = this.articles.publishers();
		List<String> sections = publishers.stream().flatMap(publisher -> publisher.sections().stream()).distinct()
				.sorted().toList();
		SearchPage page = null;
		Map<String, String> errors = Map.of();
		Long retryAfter = null;
		if (!request.blank() || !SearchRequest.text(request.page()).isEmpty()) {
			retryAfter = this.limit.take((reader != null) ? reader.accountId() : null, http);
		}
		if (retryAfter != null) {
			errors = Map.of("rate", "Too many searches. Try again in " + retryAfter + " seconds.");
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
		} else if (!request.blank() || !SearchRequest.text(request.page()).isEmpty()) {
			switch (request.check(this.searches::knownPublisher)) {
				case SearchRequest.Invalid invalid -> {
					errors = invalid.errors();
					response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				}
				case SearchRequest.Valid valid ->
					page = this.searches.run(valid.query(), valid.page(), (reader != null) ? reader.accountId() : null);
			}
		}
		// A refusal is for this client only: no cache may hand it to another.
		response.setHeader(HttpHeaders.CACHE_CONTROL,
				(reader == null && retryAfter == null) ? "public, max-age=60" : "private, no-store");
		response.setHeader(HttpHeaders.VARY, "Cookie");
		model.addAttribute("view", new SearchView(request, page, errors, publishers, sections));
		return "search/search";
	}

}
