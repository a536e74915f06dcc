package io.newsstand.web.layout;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The front page (until the reading pages replace it with top stories).
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home(@RequestParam(required = false) @Nullable String signedout,
			@RequestParam(required = false) @Nullable String deleted, Model model) {
		model.addAttribute("notice", (signedout != null)
				? "You are signed out."
				: (deleted != null)
						? "Your account is deleted. Any membership ends at the close of the period you paid for."
						: null);
		return "home";
	}

}
