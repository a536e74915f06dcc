package io.newsstand.web.payouts;

import io.newsstand.aggregator.Articles;
import io.newsstand.aggregator.Publisher;
import io.newsstand.web.api.ApiProblem;
import io.newsstand.web.security.Reader;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * "Where your money went": a member's own split of their membership by
 * publisher, as a page and in the API. Only ever the signed-in reader's own:
 * the account comes from the session or token, never from the request.
 */
@Controller
class MemberPayoutsController {

	private final Statements statements;

	private final Articles articles;

	MemberPayoutsController(Statements statements, Articles articles) {
		this.statements = statements;
		this.articles = articles;
	}

	@GetMapping("/account/payouts")
	String page(@AuthenticationPrincipal Reader reader, Model model) {
		YearMonth month = this.statements.currentMonth();
		model.addAttribute("payouts", view(reader.accountId(), month));
		return "payouts/member";
	}

	@GetMapping("/api/v1/me/payouts")
	@ResponseBody
	MemberPayouts api(@AuthenticationPrincipal Reader reader, @RequestParam(required = false) @Nullable String month) {
		YearMonth wanted = (month == null) ? this.statements.currentMonth() : parse(month);
		if (wanted.isAfter(this.statements.currentMonth())) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "No payouts for " + month + " yet: that month has not begun.");
		}
		return view(reader.accountId(), wanted);
	}

	static YearMonth parse(String month) {
		try {
			return YearMonth.parse(month);
		} catch (DateTimeParseException ex) {
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "month must be yyyy-MM, for example 2026-11.",
					Map.of("month", "must be yyyy-MM"));
		}
	}

	private MemberPayouts view(String accountId, YearMonth month) {
		List<MemberPayouts.Part> parts = new ArrayList<>();
		Statements.MemberMonth memberMonth = this.statements.member(accountId, month);
		for (Statement.MemberShare share : memberMonth.shares()) {
			List<MemberPayouts.Line> lines = share.publishers().entrySet().stream()
					.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
					.map(e -> new MemberPayouts.Line(e.getKey(), name(e.getKey()), e.getValue(),
							Money.format(e.getValue(), share.currency())))
					.toList();
			parts.add(new MemberPayouts.Part(share.currency(), share.net(), Money.format(share.net(), share.currency()),
					share.platform(), Money.format(share.platform(), share.currency()), share.pooled(), lines));
		}
		List<MemberPayouts.Reading> reading = this.statements.reading(accountId, month).stream()
				.sorted(Comparator.comparingLong(LedgerEntry::reads).reversed().thenComparing(LedgerEntry::publisherId))
				.map(entry -> new MemberPayouts.Reading(entry.publisherId(), name(entry.publisherId()), entry.reads(),
						entry.seconds()))
				.toList();
		return new MemberPayouts(month.toString(), month.isBefore(this.statements.currentMonth()), parts, reading,
				MemberPayments.of(memberMonth.paidIn()));
	}

	private String name(String publisherId) {
		return this.articles.publisher(publisherId).map(Publisher::name).orElse(publisherId);
	}

}
