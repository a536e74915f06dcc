package io.newsstand.web.search;

import io.newsstand.web.api.ApiProblem;
import io.newsstand.web.security.Reader;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/search}: results with marked snippets; a refused parameter
 * is a 400 problem naming it; past the client's rate limit, a 429 problem with
 * {@code Retry-After}. Anonymous answers are the same for everyone and
 * cacheable for a minute; a signed-in reader's (a member's snippets may quote
 * bodies) are never stored.
 */
@RestController
class SearchApiController {

	private final Searches searches;

	private final SearchRateLimit limit;

	SearchApiController(Searches searches, SearchRateLimit limit) {
		this.searches = searches;
		this.limit = limit;
	}

	@GetMapping("/api/v1/search")
	ResponseEntity<SearchPage> search(SearchRequest request, @AuthenticationPrincipal @Nullable Reader reader,
			HttpServletRequest http) {
		Long retryAfter = this.limit.take((reader != null) ? reader.accountId() : null, http);
		if (retryAfter != null) {
			ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS,
					"Too many searches. Try again in " + retryAfter + " seconds.");
			problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
			throw problem;
		}
		return switch (request.check(this.searches::knownPublisher)) {
			case SearchRequest.Invalid invalid -> throw new ApiProblem(HttpStatus.BAD_REQUEST,
					"The search cannot be run as asked: " + String.join(", ", invalid.errors().keySet()) + ".",
					invalid.errors());
			case SearchRequest.Valid valid -> {
				SearchPage page = this.searches.run(valid.query(), valid.page(),
						(reader != null) ? reader.accountId() : null);
				CacheControl cache = (reader == null)
						? CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic()
						: CacheControl.noStore().cachePrivate();
				yield ResponseEntity.ok().cacheControl(cache).header("Vary", "Authorization").body(page);
			}
		};
	}

}
