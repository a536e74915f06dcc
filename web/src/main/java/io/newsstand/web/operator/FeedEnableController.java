package io.newsstand.web.operator;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.newsstand.aggregator.FeedMonitor;
import io.newsstand.aggregator.FeedMonitor.Reenabling;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

/**
 * The operator's way back for a feed that answered 410 Gone and was disabled:
 * {@code POST /api/v1/operator/feeds/{feedId}/enable} (JSON) and the button of
 * {@code /operator/feeds} (a form with CSRF). Both need the admin role
 * (SecurityConfiguration).
 */
@RestController
class FeedEnableController {

	private final FeedMonitor monitor;

	FeedEnableController(FeedMonitor monitor) {
		this.monitor = monitor;
	}

	@PostMapping("/api/v1/operator/feeds/{feedId}/enable")
	ResponseEntity<?> enable(@PathVariable String feedId) {
		return switch (this.monitor.reenable(feedId)) {
			case REENABLED -> ResponseEntity.ok(this.monitor.feeds().stream()
					.filter(feed -> feed.feedId().equals(feedId)).findFirst().orElseThrow());
			case NOT_DISABLED -> problem(HttpStatus.CONFLICT, "Feed not disabled",
					"Feed " + feedId + " is not disabled; nothing changed.");
			case UNKNOWN_FEED ->
				problem(HttpStatus.NOT_FOUND, "Unknown feed", "No feed of the catalog has the id " + feedId + ".");
		};
	}

	@PostMapping("/operator/feeds/{feedId}/enable")
	ResponseEntity<Void> enableFromPage(@PathVariable String feedId) {
		Reenabling outcome = this.monitor.reenable(feedId);
		if (outcome == Reenabling.UNKNOWN_FEED) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No feed of the catalog has the id " + feedId);
		}
		String parameter = outcome == Reenabling.REENABLED ? "enabled" : "notDisabled";
		// The outcome travels in the query string (no flash attributes on this site).
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
				.location(URI.create("/operator/feeds?" + parameter + "=" + UriUtils.encodeQueryParam(feedId, UTF_8)))
				.build();
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
