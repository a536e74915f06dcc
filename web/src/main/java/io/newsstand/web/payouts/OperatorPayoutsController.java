package io.newsstand.web.payouts;

import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.Publisher;
import io.newsstand.web.api.ApiProblem;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The operator's payouts (admins only, as every {@code /operator/**} and
 * {@code /api/v1/operator/**} path): a page per month and its CSV and JSON
 * export, in the browser (session) and in the API (bearer token).
 */
@RestController
class OperatorPayoutsController {

	private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

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

	@GetMapping(path = "/operator/payouts", produces = MediaType.TEXT_HTML_VALUE)
	String page(@RequestParam(required = false) @Nullable String month) {
		Statement statement = statement((month == null) ? this.statements.currentMonth().toString() : month);
		String m = statement.month();
		StringBuilder html = new StringBuilder(
				"""
						<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Payouts - Newsstand</title>
						<style>body{font:14px system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}
						td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}td.n{text-align:right}</style></head><body>
						""")
				.append("<h1>Payouts for ").append(m).append("</h1><p id=\"state\">")
				.append(statement.frozen()
						? "Closed: this statement is frozen and will not change."
						: "This month is still open: the figures change until it ends.")
				.append(" Split by ").append(statement.weighting()).append("; platform share ")
				.append(statement.platformShare().toPlainString())
				.append(".</p><p>Export: <a href=\"/operator/payouts/").append(m)
				.append(".csv\">CSV</a> · <a href=\"/operator/payouts/").append(m).append(".json\">JSON</a> · ")
				.append("<a href=\"/operator/payouts?month=").append(YearMonth.parse(m).minusMonths(1))
				.append("\">previous month</a></p><h2>Totals</h2><table id=\"totals\"><thead><tr><th>Currency</th>")
				.append("<th>Net revenue</th><th>Platform</th><th>Publishers</th><th>Pooled</th><th>Paying members</th>")
				.append("</tr></thead><tbody>");
		for (Statement.CurrencyTotal total : statement.currencies()) {
			String c = total.currency();
			html.append("<tr><td>").append(esc(c)).append("</td><td class=n>").append(Money.amount(total.net(), c))
					.append("</td><td class=n>").append(Money.amount(total.platform(), c)).append("</td><td class=n>")
					.append(Money.amount(total.publishers(), c)).append("</td><td class=n>")
					.append(Money.amount(total.pooled(), c)).append("</td><td class=n>").append(total.payingMembers())
					.append("</td></tr>");
		}
		html.append("</tbody></table><h2>Publishers</h2><table id=\"publishers\"><thead><tr><th>Publisher</th>")
				.append("<th>Reads</th><th>Readers</th><th>Amount</th><th>Currency</th></tr></thead><tbody>");
		for (PayoutExport.Line line : export(statement).publishers()) {
			html.append("<tr><td>").append(esc(line.publisherName())).append("</td><td class=n>").append(line.reads())
					.append("</td><td class=n>").append(line.readers()).append("</td><td class=n>")
					.append(Money.amount(line.amount(), line.currency())).append("</td><td>")
					.append(esc(line.currency())).append("</td></tr>");
		}
		return html.append("</tbody></table></body></html>").toString();
	}

	private PayoutExport export(Statement statement) {
		return PayoutExport.of(statement, this::name);
	}

	/** The catalog's name; a publisher since removed from it keeps its id. */
	private String name(String publisherId) {
		return this.articles.publisher(publisherId).map(Publisher::name).orElse(publisherId);
	}

	private static String esc(String text) {
		return HtmlUtils.htmlEscape(text);
	}

	private Statement statement(String month) {
		YearMonth wanted = MemberPayoutsController.parse(month);
		return this.statements.month(wanted).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND,
				"No statement for " + wanted + ": the month has not begun, or its reading ledger is no longer kept."));
	}

}
