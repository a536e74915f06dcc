package io.newsstand.web.payouts;

import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.Publisher;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The operator's payouts page inside the site (admins only, as every
 * {@code /operator/**} path): a month's totals and publishers, its CSV and JSON
 * export, and a month picker. A month that is malformed or has no statement is
 * said on the page (400, 404), with the picker to choose another.
 */
@Controller
class OperatorPayoutsPageController {

	private static final Logger log = LoggerFactory.getLogger(OperatorPayoutsPageController.class);

	private static final String VIEW = "payouts/operator";

	private final Statements statements;

	private final Articles articles;

	OperatorPayoutsPageController(Statements statements, Articles articles) {
		this.statements = statements;
		this.articles = articles;
	}

	@GetMapping("/operator/payouts")
	ModelAndView page(@RequestParam(required = false) @Nullable String month) {
		YearMonth current = this.statements.currentMonth();
		YearMonth wanted;
		try {
			wanted = (month == null || month.isBlank()) ? current : YearMonth.parse(month.strip());
		} catch (DateTimeParseException ex) {
			log.info("Operator payouts page asked for a malformed month '{}'", month);
			return problem(HttpStatus.BAD_REQUEST, "The month must be yyyy-MM, for example " + current + ".", current);
		}
		return this.statements.month(wanted)
				.map(statement -> new ModelAndView(VIEW, Map.of("payouts",
						OperatorPayoutsPage.of(statement, current, this::name), "current", current.toString())))
				.orElseGet(() -> {
					log.info("Operator payouts page asked for {}, which has no statement", wanted);
					return problem(HttpStatus.NOT_FOUND,
							"There is no statement for " + wanted
									+ ": the month has not begun, or its reading ledger is no longer kept (13 months).",
							current);
				});
	}

	private static ModelAndView problem(HttpStatus status, String message, YearMonth current) {
		return new ModelAndView(VIEW, Map.of("problem", message, "current", current.toString()), status);
	}

	/** The catalog's name; a publisher since removed from it keeps its id. */
	private String name(String publisherId) {
		return this.articles.publisher(publisherId).map(Publisher::name).orElse(publisherId);
	}

}
