package io.newsstand.web.payouts;

import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.Publisher;
import io.newsstand.web.api.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's payouts exports (admins only, as every {@code /operator/**}
 * and {@code /api/v1/operator/**} path): a month's statement as CSV and JSON,
 * in the browser (session) and in the API (bearer token). The page is
 * {@link OperatorPayoutsPageController}.
 */
@RestController
class OperatorPayoutsController {

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final Statements statements;

	private final Articles articles;

	OperatorPayoutsController(Statements statements, Articles articles) {
		this.statements = statements;
		this.articles = articles;
	}

	@GetMapping(path = {"/api/v1/operator/payouts/{month}",
			"/operator/payouts/{month}.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
	PayoutExport json(@PathVariable String month) {
		return export(statement(month));
	}

	@GetMapping(path = {"/api/v1/operator/payouts/{month}.csv", "/operator/payouts/{month}.csv"})
	ResponseEntity<String> csv(@PathVariable String month) {
		Statement statement = statement(month);
		return ResponseEntity.ok().contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						"attachment; filename=\"newsstand-payouts-" + statement.month() + ".csv\"")
				.body(export(statement).csv());
	}

	private PayoutExport export(Statement statement) {
		return PayoutExport.of(statement, this::name);
	}

	/** The catalog's name; a publisher since removed from it keeps its id. */
	private String name(String publisherId) {
		return this.articles.publisher(publisherId).map(Publisher::name).orElse(publisherId);
	}

	private Statement statement(String month) {
		YearMonth wanted = MemberPayoutsController.parse(month);
		return this.statements.month(wanted).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND,
				"No statement for " + wanted + ": the month has not begun, or its reading ledger is no longer kept."));
	}

}
