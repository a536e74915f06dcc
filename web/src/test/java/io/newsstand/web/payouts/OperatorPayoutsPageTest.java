package io.newsstand.web.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.web.site.FakeArticles;
import io.newsstand.web.site.SiteClient;
import io.newsstand.web.site.SiteTest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The operator's payouts page is a page of the site (its layout, navigation and
 * styles) with the month's totals and publishers, the exports and a month
 * picker; a malformed or unknown month is said on the page; strangers are sent
 * to sign in and members refused.
 */
class OperatorPayoutsPageTest extends SiteTest {

	private static final String PASSWORD = "amber tide compass";

	@Test
	void theOperatorsPageIsASitePageWithTotalsExportsAndAMonthPicker() {
		SiteClient reader = client();
		reader.signUp(uniqueEmail("operator-page-reader"), PASSWORD);
		reader.startTrial("monthly", "4242424242424242");
		assertThat(reader.submit("/account", "/account/membership/end-trial").statusCode()).isEqualTo(302);
		reader.get("/articles/paid-7");
		String month = YearMonth.now(ZoneOffset.UTC).toString();
		String previous = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();

		HttpResponse<String> page = admin().get("/operator/payouts");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).as("the site's layout, navigation and styles")
				.contains("<title>Payouts for " + month + " · Newsstand</title>", "class=\"masthead\"",
						"<nav class=\"account-nav\"", "<a href=\"/operator\">Operator</a>", "/css/site")
				.doesNotContain("<style>");
		assertThat(page.body()).contains("<h1>Payouts for " + month + "</h1>", "This month is still open",
				"<input id=\"payouts-month\" name=\"month\" type=\"month\" max=\"" + month + "\" value=\"" + month
						+ "\"",
				"<a href=\"/operator/payouts/" + month + ".csv\" download>CSV</a>",
				"<a href=\"/operator/payouts/" + month + ".json\">JSON</a>",
				"href=\"/operator/payouts?month=" + previous + "\"").doesNotContain("id=\"payouts-next\"");
		assertThat(page.body()).containsPattern("<tr><td>eur</td><td class=\"n\">\\d+\\.\\d{2}</td>")
				.containsPattern("<tr><td>Daily Ledger</td><td class=\"n\">\\d+</td><td class=\"n\">\\d+</td>"
						+ "<td class=\"n\">\\d+\\.\\d{2}</td><td>eur</td></tr>")
				.doesNotContain("<td>" + FakeArticles.PAID_PUBLISHER + "</td>");
	}

	@Test
	void aClosedMonthShowsFrozenWithTheWayBackToTheCurrentMonth() {
		String month = YearMonth.now(ZoneOffset.UTC).toString();
		String previous = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();
		HttpResponse<String> page = admin().get("/operator/payouts?month=" + previous);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<h1>Payouts for " + previous + "</h1>", "Closed: this statement is frozen",
				"value=\"" + previous + "\"", "<a href=\"/operator/payouts?month=" + month + "\" id=\"payouts-next\">");
	}

	@Test
	void aMalformedOrUnknownMonthIsSaidOnThePageWithThePicker() {
		SiteClient admin = admin();
		String month = YearMonth.now(ZoneOffset.UTC).toString();
		HttpResponse<String> malformed = admin.get("/operator/payouts?month=%3Cscript%3E");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("class=\"masthead\"", "The month must be yyyy-MM, for example " + month,
				"id=\"payouts-month\"").doesNotContain("<script>").doesNotContain("id=\"totals\"");

		String future = YearMonth.now(ZoneOffset.UTC).plusMonths(1).toString();
		for (String unknown : new String[]{future, "2020-01"}) {
			HttpResponse<String> missing = admin.get("/operator/payouts?month=" + unknown);
			assertThat(missing.statusCode()).as(unknown).isEqualTo(404);
			assertThat(missing.body()).contains("There is no statement for " + unknown, "id=\"payouts-month\"")
					.doesNotContain("id=\"totals\"");
		}
	}

	@Test
	void aStrangerIsSentToSignInAndAMemberIsRefused() {
		HttpResponse<String> stranger = client().get("/operator/payouts");
		assertThat(stranger.statusCode()).isEqualTo(302);
		assertThat(stranger.headers().firstValue("Location").orElseThrow()).contains("/signin");

		SiteClient reader = client();
		reader.signUp(uniqueEmail("operator-page-member"), PASSWORD);
		reader.startTrial("monthly", "4242424242424242");
		HttpResponse<String> member = reader.get("/operator/payouts");
		assertThat(member.statusCode()).isEqualTo(403);
		assertThat(member.body()).doesNotContain("Payouts for").doesNotContain("id=\"totals\"");
	}

}
