package io.newsstand.web.operator;

import io.newsstand.aggregator.FeedHealth;
import io.newsstand.aggregator.FeedMonitor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The operator's pages inside the site's layout: {@code /operator}, where the
 * header's "Operator" link leads, lists what an operator can do; and
 * {@code /operator/feeds}, every feed's health with a button that enables a
 * feed its publisher removed (410). Admins only (the security configuration).
 */
@Controller
class OperatorPagesController {

	private final FeedMonitor monitor;

	OperatorPagesController(FeedMonitor monitor) {
		this.monitor = monitor;
	}

	@GetMapping("/operator")
	ModelAndView home() {
		List<FeedHealth> feeds = this.monitor.feeds();
		return new ModelAndView("operator/home", Map.of("feeds", feeds.size(), "failing", failing(feeds)));
	}

	@GetMapping("/operator/feeds")
	ModelAndView feeds(@RequestParam(required = false) @Nullable String enabled,
			@RequestParam(required = false) @Nullable String notDisabled) {
		List<FeedHealth> feeds = this.monitor.feeds();
		Map<String, Object> model = new HashMap<>();
		model.put("feeds", feeds);
		model.put("failing", failing(feeds));
		if (enabled != null) {
			model.put("enabled", enabled);
		}
		if (notDisabled != null) {
			model.put("notDisabled", notDisabled);
		}
		return new ModelAndView("operator/feeds", model);
	}

	private static long failing(List<FeedHealth> feeds) {
		return feeds.stream().filter(feed -> !feed.state().equals("ok") && !feed.state().equals("new")).count();
	}

}
