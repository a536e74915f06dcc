package io.newsstand.web.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.billing.TrialReminderDue;
import io.newsstand.web.site.SiteTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Billing's trial reminder reaches the reader as an e-mail with the end date,
 * the amount, the plan and a link to cancel.
 */
@ResourceLock(SiteTest.CLOCK)
class TrialReminderMailTest extends SiteTest {

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void aTrialReminderIsMailedWithTheDateTheAmountAndACancelLink() {
		String email = uniqueEmail("reminded");
		this.events.publishEvent(
				new TrialReminderDue("acct-1", email, Instant.parse("2026-12-11T09:30:00Z"), 900, "eur", "monthly", 3));
		String outbox = client().get("/dev/outbox").body();
		int at = outbox.indexOf("To " + email);
		assertThat(at).isNotNegative();
		String mail = outbox.substring(outbox.lastIndexOf("<article", at), outbox.indexOf("</article>", at));
		assertThat(mail).contains("Your Newsstand trial ends in 3 days").contains("11 December 2026")
				.contains("€9.00 for the monthly plan")
				.contains("href=\"http://localhost:" + this.port + "/membership/cancel\"");
	}

	@Test
	void theCancelLinkIsOneButtonAwayFromCancelling() {
		var reader = client();
		reader.signUp(uniqueEmail("canceller"), "quartz meadow lantern");
		reader.startTrial("monthly", "4242424242424242");
		String page = reader.get("/membership/cancel").body();
		assertThat(page).contains("id=\"confirm-cancel\"").contains("action=\"/account/membership/cancel\"");
		assertThat(client().get("/membership/cancel").statusCode()).as("signed-out readers sign in first")
				.isEqualTo(302);
	}

}
