package io.newsstand.web.operator;

import io.newsstand.aggregator.FeedHealth;
import io.newsstand.aggregator.FeedMonitor;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Feed health for operators as JSON ({@code /api/v1/operator/feeds}), the
 * catalog as OPML, and OPML into catalog YAML; the page is
 * {@link OperatorPagesController}'s. Admins only (the security configuration).
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

}
