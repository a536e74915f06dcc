package io.newsstand.web.search;

import io.newsstand.web.api.ApiProblem;
import io.newsstand.web.security.Reader;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/search}: results with marked snippets; a refused parameter
 * is a 400 problem naming it. Anonymous answers are the same for everyone and
 * cacheable for a minute; a signed-in reader's (a member's snippets may quote
 * bodies) are never stored.
 */
@RestController
class SearchApiController {

	private final Searches searches;

	SearchApiController(Searches searches) {
		this.searches = searches;
	}

	@GetMapping("/api/v1/search")
	ResponseEntity<SearchPage> search(SearchRequest request, @AuthenticationPrincipal @Nullable Reader reader) {
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
