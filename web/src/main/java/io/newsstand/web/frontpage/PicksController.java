package io.newsstand.web.frontpage;

import io.newsstand.aggregator.Article;
import io.newsstand.aggregator.Articles;
import io.newsstand.web.security.LocalPaths;
import io.newsstand.web.security.Reader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The editors' pages for "Our Picks" (admins only, see the security
 * configuration): pick from an article page, and list, re-order, change the
 * expiry of and unpick on {@code /editor/picks}.
 */
@Controller
class PicksController {

	static final DateTimeFormatter LOCAL_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final Picks picks;

	private final Articles articles;

	private final Clock clock;

	PicksController(Picks picks, Articles articles, Clock clock) {
		this.picks = picks;
		this.articles = articles;
		this.clock = clock;
	}

	@GetMapping("/editor/picks")
	String list(@RequestParam(required = false) @Nullable String notice, Model model) {
		List<PickRow> rows = this.picks.current().stream()
				.map(pick -> new PickRow(pick, this.articles.article(pick.articleId()).map(Article::title).orElse(null),
						LOCAL_UTC.format(pick.expiresAt().atOffset(ZoneOffset.UTC))))
				.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("notice", notice);
		return "editor/picks";
	}

	@PostMapping("/editor/picks")
	String pick(@RequestParam String articleId, @RequestParam(defaultValue = "1") int days,
			@RequestParam(required = false) @Nullable String next, @AuthenticationPrincipal Reader editor) {
		if (this.articles.article(articleId).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such article");
		}
		int kept = Math.clamp(days, 1, 30);
		boolean done = this.picks.pick(articleId, null, this.clock.instant().plus(Duration.ofDays(kept)),
				editor.accountId());
		return back(next, done ? "picked" : "full");
	}

	@PostMapping("/editor/picks/{articleId}")
	String update(@PathVariable String articleId, @RequestParam int order, @RequestParam String expires,
			@AuthenticationPrincipal Reader editor) {
		if (this.picks.find(articleId).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Not picked");
		}
		Instant expiresAt;
		try {
			expiresAt = LocalDateTime.parse(expires, LOCAL_UTC).toInstant(ZoneOffset.UTC);
		} catch (DateTimeParseException ex) {
			return back(null, "bad-expiry");
		}
		return back(null, this.picks.pick(articleId, order, expiresAt, editor.accountId()) ? "saved" : "bad-expiry");
	}

	@PostMapping("/editor/picks/{articleId}/unpick")
	String unpick(@PathVariable String articleId, @RequestParam(required = false) @Nullable String next) {
		this.picks.unpick(articleId);
		return back(next, "unpicked");
	}

	private static String back(@Nullable String next, String notice) {
		if (next != null && LocalPaths.isLocal(next)) {
			return "redirect:" + next;
		}
		return "redirect:/editor/picks?notice=" + notice;
	}

}
