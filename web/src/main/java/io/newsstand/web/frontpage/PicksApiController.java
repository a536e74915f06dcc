package io.newsstand.web.frontpage;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.Articles;
import io.newsstand.web.security.Reader;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/v1/editor/picks}: the editors' picks for admins' tools.
 */
@RestController
class PicksApiController {

	private final Picks picks;

	private final Articles articles;

	PicksApiController(Picks picks, Articles articles) {
		this.picks = picks;
		this.articles = articles;
	}

	record PickJson(String articleId, @Nullable String title, int order, Instant expiresAt, String pickedBy,
			Instant pickedAt) {
	}

	record PickRequest(@Nullable Integer order, @Nullable Instant expiresAt) {
	}

	record PicksJson(List<PickJson> items) {
	}

	@GetMapping("/api/v1/editor/picks")
	PicksJson list() {
		return new PicksJson(this.picks.current().stream().map(this::json).toList());
	}

	@PutMapping("/api/v1/editor/picks/{articleId}")
	PickJson put(@PathVariable String articleId, @RequestBody PickRequest request,
			@AuthenticationPrincipal Reader editor) {
		if (this.articles.article(articleId).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No article has this id.");
		}
		if (request.expiresAt() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "expiresAt is required.");
		}
		if (!this.picks.pick(articleId, request.order(), request.expiresAt(), editor.accountId())) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"expiresAt must be in the future, and at most " + Picks.MAX + " articles can be picked.");
		}
		return this.picks.find(articleId).map(this::json)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "The pick expired meanwhile."));
	}

	@DeleteMapping("/api/v1/editor/picks/{articleId}")
	ResponseEntity<Void> delete(@PathVariable String articleId) {
		if (!this.picks.unpick(articleId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "This article is not picked.");
		}
		return ResponseEntity.noContent().build();
	}

	private PickJson json(Pick pick) {
		return new PickJson(pick.articleId(), this.articles.article(pick.articleId()).map(Article::title).orElse(null),
				pick.order(), pick.expiresAt(), pick.pickedBy(), pick.pickedAt());
	}

}
