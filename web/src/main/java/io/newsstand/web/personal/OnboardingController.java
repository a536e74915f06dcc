package io.newsstand.web.personal;

import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.Publisher;
import io.newsstand.aggregator.Topics;
import io.newsstand.web.security.LocalPaths;
import io.newsstand.web.security.Reader;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Right after sign-up: pick a few publishers and sections to start "For you"
 * with. Skipping is one link; the picks become ordinary follows.
 */
@Controller
class OnboardingController {

	private final Follows follows;

	private final Articles articles;

	private final PersonalProperties properties;

	OnboardingController(Follows follows, Articles articles, PersonalProperties properties) {
		this.follows = follows;
		this.properties = properties;
		this.articles = articles;
	}

	@GetMapping("/start")
	String start(@RequestParam(required = false) @Nullable String next, Model model) {
		return render(LocalPaths.isLocal(next) ? next : "/account?welcome", null, model);
	}

	@PostMapping("/start")
	String picked(@AuthenticationPrincipal Reader reader,
			@RequestParam(name = "publisher", required = false) @Nullable List<String> publishers,
			@RequestParam(name = "section", required = false) @Nullable List<String> sections,
			@RequestParam(required = false) @Nullable String next, Model model, HttpServletResponse response) {
		String back = LocalPaths.isLocal(next) ? next : "/account?welcome";
		List<String> publisherPicks = (publishers != null) ? publishers : List.of();
		List<String> sectionPicks = (sections != null) ? sections : List.of();
		String problem = null;
		int most = this.properties.maxFollowsPerKind();
		if (publisherPicks.size() > most || sectionPicks.size() > most) {
			problem = "Pick at most " + most + " publishers and " + most + " sections.";
		}
		// Everything is checked before anything is stored, so a bad pick stores
		// nothing.
		for (String id : publisherPicks) {
			if (problem == null && this.follows.resolve(FollowKind.PUBLISHER, id, false) instanceof Follows.Unknown u) {
				problem = u.message();
			}
		}
		for (String section : sectionPicks) {
			if (problem == null
					&& this.follows.resolve(FollowKind.SECTION, section, false) instanceof Follows.Unknown u) {
				problem = u.message();
			}
		}
		if (problem != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return render(back, problem, model);
		}
		for (String id : publisherPicks) {
			this.follows.follow(reader.accountId(), FollowKind.PUBLISHER, id);
		}
		for (String section : sectionPicks) {
			this.follows.follow(reader.accountId(), FollowKind.SECTION, section);
		}
		return "redirect:" + (publisherPicks.isEmpty() && sectionPicks.isEmpty() ? back : "/for-you");
	}

	private String render(String next, @Nullable String error, Model model) {
		Map<String, String> sections = new LinkedHashMap<>();
		for (Publisher publisher : this.articles.publishers()) {
			for (String section : publisher.sections()) {
				Topics.normalise(section).ifPresent(key -> sections.putIfAbsent(key, section.strip()));
			}
		}
		model.addAttribute("page",
				new StartPage(this.articles.publishers(), new ArrayList<>(sections.values()), next, error));
		return "personal/start";
	}

}
