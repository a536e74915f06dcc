package io.newsstand.web.payouts;

import io.newsstand.web.security.Reader;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The article page's reading-time beacon ({@code navigator.sendBeacon}, a form
 * POST with the page's CSRF token, so another site cannot post it for the
 * reader). The seconds count only for an article the signed-in member opened in
 * full within the re-read window, up to the cap per article; anything else is
 * accepted and ignored, so the beacon learns nothing about other reads.
 */
@RestController
class ReadingTimeController {

	private final ReadingLedger ledger;

	private final PayoutsProperties properties;

	private final Clock clock;

	ReadingTimeController(ReadingLedger ledger, PayoutsProperties properties, Clock clock) {
		this.ledger = ledger;
		this.properties = properties;
		this.clock = clock;
	}

	@PostMapping("/articles/{articleId}/reading-time")
	ResponseEntity<Void> report(@AuthenticationPrincipal @Nullable Reader reader, @PathVariable String articleId,
			@RequestParam(defaultValue = "") String seconds) {
		if (reader == null) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		long value;
		try {
			value = Long.parseLong(seconds);
		} catch (NumberFormatException ex) {
			return ResponseEntity.badRequest().build();
		}
		if (value < 1 || articleId.length() > 200) {
			return ResponseEntity.badRequest().build();
		}
		this.ledger.readingTime(reader.accountId(), articleId, Math.min(value, this.properties.maxSecondsPerArticle()),
				this.clock.instant());
		return ResponseEntity.noContent().build();
	}

}
