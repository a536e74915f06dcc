package io.newsstand.web.operator;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.newsstand.aggregator.FeedHealth;
import io.newsstand.aggregator.FeedMonitor;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * Feed health for operators: {@code /api/v1/operator/feeds} (JSON) and
 * {@code /operator/feeds} (a plain page). Access control comes with the reader
 * issue's security configuration (admin role).
 */
@RestController
class FeedHealthController {

	private final FeedMonitor monitor;

	FeedHealthController(FeedMonitor monitor) {
		this.monitor = monitor;
	}

	record FeedList(List<FeedHealth> items, @Nullable String nextCursor) {
	}

	@GetMapping("/api/v1/operator/feeds")
	FeedList feeds() {
		return new FeedList(this.monitor.feeds(), null);
	}

	@GetMapping(path = "/api/v1/operator/catalog.opml", produces = "text/x-opml;charset=UTF-8")
	String catalogOpml() {
		return this.monitor.catalogAsOpml();
	}

	/**
	 * OPML in, catalog YAML out, for the operator to review and save as a catalog
	 * file.
	 */
	@PostMapping(path = "/api/v1/operator/catalog/from-opml", produces = "application/yaml;charset=UTF-8")
	ResponseEntity<?> opmlToCatalog(@RequestBody byte[] opml) {
		try {
			return ResponseEntity.ok(this.monitor.opmlToCatalogYaml(opml));
		} catch (IllegalArgumentException ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
			problem.setTitle("Invalid OPML");
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
	}

	@GetMapping(path = "/operator/feeds", produces = MediaType.TEXT_HTML_VALUE)
	String page(@RequestParam(required = false) @Nullable String enabled,
			@RequestParam(required = false) @Nullable String notDisabled, @Nullable CsrfToken csrf) {
		List<FeedHealth> feeds = this.monitor.feeds();
		long failing = feeds.stream().filter(feed -> !feed.state().equals("ok") && !feed.state().equals("new")).count();
		StringBuilder html = new StringBuilder("""
				<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Feed health - Newsstand</title>
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<link rel="stylesheet" href="/css/site.css"></head><body class="operator-page">
				<h1>Feed health</h1>
				""");
		if (enabled != null) {
			html.append("<p role=\"status\">Feed <strong>").append(esc(enabled))
					.append("</strong> is enabled again and due for a poll now.</p>");
		}
		if (notDisabled != null) {
			html.append("<p role=\"status\">Feed <strong>").append(esc(notDisabled))
					.append("</strong> was not disabled; nothing changed.</p>");
		}
		html.append("<p>").append(feeds.size()).append(" feeds, ").append(failing)
				.append(" failing or disabled. JSON: <a href=\"/api/v1/operator/feeds\">/api/v1/operator/feeds</a></p>")
				// A phone scrolls the wide table inside its own box, never the page.
				.append("<div class=\"table-scroll\" role=\"region\" aria-label=\"Feeds\" tabindex=\"0\">")
				.append("<table><thead><tr><th>Feed</th><th>State</th><th>Last poll</th><th>Status</th>")
				.append("<th>Error</th><th>Errors in a row</th><th>Last success</th><th>Next poll</th><th>Items</th><th></th>")
				.append("</tr></thead><tbody>");
		for (FeedHealth feed : feeds) {
			html.append("<tr><td><strong>").append(esc(feed.publisherId())).append("</strong> ")
					.append(esc(feed.section() == null ? "" : feed.section())).append("<br><small>")
					.append(esc(feed.url())).append("</small></td><td class=\"").append(esc(feed.state())).append("\">")
					.append(esc(feed.state())).append("</td><td>").append(time(feed.lastPoll())).append("</td><td>")
					.append(feed.lastStatus() == 0 ? "" : feed.lastStatus()).append("</td><td>")
					.append(esc(feed.lastError() == null ? "" : feed.lastError())).append("</td><td>")
					.append(feed.consecutiveErrors()).append("</td><td>").append(time(feed.lastSuccess()))
					.append("</td><td>").append(time(feed.nextPoll())).append("</td><td>").append(feed.items())
					.append("</td><td>").append(enableForm(feed, csrf)).append("</td></tr>");
		}
		return html.append("</tbody></table></div></body></html>").toString();
	}

	/** A disabled feed (410 Gone) gets a button that enables it again. */
	private static String enableForm(FeedHealth feed, @Nullable CsrfToken csrf) {
		if (!feed.state().equals("disabled") || csrf == null) {
			return "";
		}
		return "<form method=\"post\" action=\"/operator/feeds/" + UriUtils.encodePathSegment(feed.feedId(), UTF_8)
				+ "/enable\"><input type=\"hidden\" name=\"" + esc(csrf.getParameterName()) + "\" value=\""
				+ esc(csrf.getToken()) + "\"><button type=\"submit\">Enable again</button></form>";
	}

	private static String time(@Nullable Instant instant) {
		return instant == null ? "" : esc(instant.toString());
	}

	private static String esc(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
