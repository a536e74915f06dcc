package io.newsstand.web.reading;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The front page: the latest stories from every publisher (the discovery work
 * improves on this).
 */
@Controller
class FrontPageController {

	private final StoryLists stories;

	FrontPageController(StoryLists stories) {
		this.stories = stories;
	}

	@GetMapping("/")
	String home(@RequestParam(required = false) @Nullable String signedout,
			@RequestParam(required = false) @Nullable String deleted, Model model) {
		model.addAttribute("notice", (signedout != null)
				? "You are signed out."
				: (deleted != null)
						? "Your account is deleted. Any membership ends at the close of the period you paid for."
						: null);
		model.addAttribute("stories", this.stories.top(20));
		return "home";
	}

}
