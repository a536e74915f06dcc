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
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The "Following" page and the one form every follow, unfollow, mute and unmute
 * button posts to. Without script the reader comes back to the page they
 * pressed it on.
 */
@Controller
class FollowingController {

	private final Follows follows;

	private final Articles articles;

	FollowingController(Follows follows, Articles articles) {
		this.follows = follows;
		this.articles = articles;
	}

	@GetMapping("/following")
	String page(@AuthenticationPrincipal Reader reader, Model model) {
		return render(reader, null, "", model);
	}

	@PostMapping("/following")
	String change(@AuthenticationPrincipal Reader reader, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String value, @RequestParam(defaultValue = "follow") String action,
			@RequestParam(required = false) @Nullable String next, Model model, HttpServletResponse response) {
		Optional<FollowKind> parsed = FollowKind.parse(kind);
		if (parsed.isEmpty()) {
			return refused(reader, HttpStatus.BAD_REQUEST, "Choose a publisher, a section or a topic to follow.", "",
					model, response);
		}
		if (value.isBlank() || value.length() > 200) {
			return refused(reader, HttpStatus.BAD_REQUEST, "Say which " + parsed.get().slug() + " to follow.", "",
					model, response);
		}
		Follows.Outcome outcome = switch (action) {
			case "follow" -> this.follows.follow(reader.accountId(), parsed.get(), value);
			case "mute" -> (parsed.get() == FollowKind.PUBLISHER)
					? this.follows.mute(reader.accountId(), value)
					: new Follows.Unknown("Only publishers can be muted.");
			case "unfollow", "unmute" -> {
				this.follows.unfollow(reader.accountId(), parsed.get(), value);
				yield null;
			}
			default -> new Follows.Unknown("That is not something the follow buttons do.");
		};
		String topic = (parsed.get() == FollowKind.TOPIC) ? value : "";
		if (outcome instanceof Follows.Unknown unknown) {
			return refused(reader, HttpStatus.BAD_REQUEST, unknown.message(), topic, model, response);
		}
		if (outcome instanceof Follows.LimitReached limit) {
			return refused(reader, HttpStatus.UNPROCESSABLE_CONTENT, limit.message(), topic, model, response);
		}
		return "redirect:" + (LocalPaths.isLocal(next) ? next : "/following");
	}

	private String refused(Reader reader, HttpStatus status, String message, String topic, Model model,
			HttpServletResponse response) {
		response.setStatus(status.value());
		return render(reader, message, topic, model);
	}

	private String render(Reader reader, @Nullable String error, String topic, Model model) {
		List<Publisher> publishers = this.articles.publishers();
		Map<String, String> sections = new LinkedHashMap<>();
		for (Publisher publisher : publishers) {
			for (String section : publisher.sections()) {
				Topics.normalise(section).ifPresent(key -> sections.putIfAbsent(key, section.strip()));
			}
		}
		model.addAttribute("page", new FollowingPage(this.follows.of(reader.accountId()), publishers,
				new ArrayList<>(sections.values()), error, topic));
		return "personal/following";
	}

}
