package io.newsstand.web.frontpage;

import io.newsstand.web.security.LocalPaths;
import io.newsstand.web.security.Reader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The edition switch. Anonymous readers follow a link that sets a cookie (it
 * changes only what their own browser is shown, so a forged link can do no
 * harm, and their pages need no CSRF token); signed-in readers post a form
 * (CSRF-protected) that also saves the choice on their profile.
 */
@Controller
class EditionController {

	private final Editions editions;

	EditionController(Editions editions) {
		this.editions = editions;
	}

	@GetMapping("/edition/{code}")
	String link(@PathVariable String code, @RequestParam(required = false) @Nullable String next,
			HttpServletRequest request, HttpServletResponse response) {
		Edition edition = Edition.parse(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		this.editions.remember(edition, request, response, null);
		return "redirect:" + LocalPaths.orFrontPage(next);
	}

	@PostMapping("/edition")
	String form(@RequestParam String edition, @RequestParam(required = false) @Nullable String next,
			@AuthenticationPrincipal @Nullable Reader reader, HttpServletRequest request,
			HttpServletResponse response) {
		Edition chosen = Edition.parse(edition)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown edition"));
		this.editions.remember(chosen, request, response, reader);
		return "redirect:" + LocalPaths.orFrontPage(next);
	}

}
