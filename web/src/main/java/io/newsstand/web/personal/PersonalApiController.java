package io.newsstand.web.personal;

import io.newsstand.aggregator.ArticleSummary;
import io.newsstand.web.api.ApiProblem;
import io.newsstand.web.articles.ListResponse;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reader's personal space as JSON ({@code /api/v1/me/...}): "For you",
 * follows, saved articles and history. Articles are teasers only; the paywall
 * decides about bodies at {@code /api/v1/articles/{id}} as always.
 */
@RestController
@RequestMapping("/api/v1/me")
class PersonalApiController {

	private final ForYou forYou;

	private final Follows follows;

	private final Library library;

	PersonalApiController(ForYou forYou, Follows follows, Library library) {
		this.forYou = forYou;
		this.follows = follows;
		this.library = library;
	}

	/** "For you" as JSON. */
	record ForYouResponse(List<ForYouItem> items, Instant computedAt, boolean personalised) {
	}

	/** The optional body of a follow: {@code {"mute": true}} mutes a publisher. */
	record FollowRequest(@Nullable Boolean mute) {
	}

	record SavedItem(ArticleSummary article, Instant savedAt) {
	}

	record HistoryItem(ArticleSummary article, Instant openedAt) {
	}

	@GetMapping("/for-you")
	ForYouResponse forYou(@AuthenticationPrincipal Reader reader) {
		ForYou.Feed feed = this.forYou.feed(reader.accountId());
		return new ForYouResponse(feed.items(), feed.computedAt(), feed.interested());
	}

	@GetMapping("/follows")
	ListResponse<Follow> follows(@AuthenticationPrincipal Reader reader) {
		return new ListResponse<>(this.follows.of(reader.accountId()).all(), null);
	}

	@PutMapping("/follows/{kind}/{value}")
	Follow follow(@AuthenticationPrincipal Reader reader, @PathVariable String kind, @PathVariable String value,
			@RequestBody(required = false) @Nullable FollowRequest request) {
		FollowKind parsed = kind(kind);
		boolean mute = request != null && Boolean.TRUE.equals(request.mute());
		Follows.Outcome outcome = mute
				? (parsed == FollowKind.PUBLISHER)
						? this.follows.mute(reader.accountId(), value)
						: new Follows.Unknown("Only publishers can be muted.")
				: this.follows.follow(reader.accountId(), parsed, value);
		return switch (outcome) {
			case Follows.Done done -> done.follow();
			case Follows.Unknown unknown -> throw new ApiProblem(
					(parsed == FollowKind.TOPIC || mute) ? HttpStatus.BAD_REQUEST : HttpStatus.NOT_FOUND,
					unknown.message());
			case Follows.LimitReached limit -> throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, limit.message());
		};
	}

	@DeleteMapping("/follows/{kind}/{value}")
	ResponseEntity<Void> unfollow(@AuthenticationPrincipal Reader reader, @PathVariable String kind,
			@PathVariable String value) {
		this.follows.unfollow(reader.accountId(), kind(kind), value);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/saved")
	ListResponse<SavedItem> saved(@AuthenticationPrincipal Reader reader,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") String limit) {
		int offset = offset(cursor);
		int size = limit(limit);
		List<SavedItem> items = this.library.saved(reader.accountId(), offset, size).stream()
				.map(listed -> new SavedItem(listed.article(), listed.at())).toList();
		return new ListResponse<>(items, next(offset, size, this.library.savedCount(reader.accountId())));
	}

	@PutMapping("/saved/{articleId}")
	SavedItem save(@AuthenticationPrincipal Reader reader, @PathVariable String articleId) {
		if (!this.library.exists(articleId)) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "There is no article with that id.");
		}
		if (!this.library.save(reader.accountId(), articleId)) {
			throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT,
					"Your saved list is full. Remove an article from it first.");
		}
		return this.library.savedOne(reader.accountId(), articleId)
				.map(listed -> new SavedItem(listed.article(), listed.at()))
				.orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "The article was removed meanwhile."));
	}

	@DeleteMapping("/saved/{articleId}")
	ResponseEntity<Void> unsave(@AuthenticationPrincipal Reader reader, @PathVariable String articleId) {
		this.library.unsave(reader.accountId(), articleId);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/saved")
	ResponseEntity<Void> clearSaved(@AuthenticationPrincipal Reader reader) {
		this.library.clearSaved(reader.accountId());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/history")
	ListResponse<HistoryItem> history(@AuthenticationPrincipal Reader reader,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") String limit) {
		int offset = offset(cursor);
		int size = limit(limit);
		List<HistoryItem> items = this.library.history(reader.accountId(), offset, size).stream()
				.map(listed -> new HistoryItem(listed.article(), listed.at())).toList();
		return new ListResponse<>(items, next(offset, size, this.library.historyCount(reader.accountId())));
	}

	@DeleteMapping("/history")
	ResponseEntity<Void> clearHistory(@AuthenticationPrincipal Reader reader) {
		this.library.clearHistory(reader.accountId());
		return ResponseEntity.noContent().build();
	}

	private static FollowKind kind(String kind) {
		return FollowKind.parse(kind).orElseThrow(() -> new ApiProblem(HttpStatus.BAD_REQUEST,
				"kind must be publisher, section or topic, was \"" + cut(kind) + "\"."));
	}

	private static int offset(@Nullable String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return 0;
		}
		try {
			int offset = Integer.parseInt(cursor);
			if (offset >= 0 && offset <= 100_000) {
				return offset;
			}
		} catch (NumberFormatException ex) {
			// refused below
		}
		throw new ApiProblem(HttpStatus.BAD_REQUEST, "cursor must be the nextCursor of the previous page.");
	}

	private static int limit(String limit) {
		try {
			int size = Integer.parseInt(limit);
			if (size >= 1 && size <= 100) {
				return size;
			}
		} catch (NumberFormatException ex) {
			// refused below
		}
		throw new ApiProblem(HttpStatus.BAD_REQUEST, "limit must be a number from 1 to 100.");
	}

	private static @Nullable String next(int offset, int size, long total) {
		return (offset + size < total) ? Integer.toString(offset + size) : null;
	}

	private static String cut(String raw) {
		return (raw.length() > 40) ? raw.substring(0, 40) + "…" : raw;
	}

}
