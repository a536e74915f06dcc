package io.newsstand.web.frontpage;

import io.newsstand.web.personal.Follows;
import io.newsstand.web.security.Reader;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The front page: top stories, the editors' picks, the latest stories and a few
 * per section, for the reader's edition.
 */
@Controller
class FrontPageController {

	private final FrontPage frontPage;

	private final Editions editions;

	private final Follows follows;

	FrontPageController(FrontPage frontPage, Editions editions, Follows follows) {
		this.frontPage = frontPage;
		this.editions = editions;
		this.follows = follows;
	}

	@GetMapping("/")
	String home(@RequestParam(required = false) @Nullable String signedout,
			@RequestParam(required = false) @Nullable String deleted,
			@RequestParam(required = false) @Nullable String edition, @AuthenticationPrincipal @Nullable Reader reader,
			HttpServletRequest request, Model model) {
		model.addAttribute("notice", (signedout != null)
				? "You are signed out."
				: (deleted != null)
						? "Your account is deleted. Any membership ends at the close of the period you paid for."
						: null);
		model.addAttribute("lists", this.frontPage.lists(this.editions.resolve(request, reader, edition))
				.without((reader != null) ? this.follows.muted(reader.accountId()) : Set.of()));
		return "home";
	}

}
