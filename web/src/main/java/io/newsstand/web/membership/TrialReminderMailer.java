package io.newsstand.web.membership;

import io.newsstand.billing.TrialReminderDue;
import io.newsstand.web.mail.MailMessage;
import io.newsstand.web.mail.Mailer;
import io.newsstand.web.mail.PublicUrl;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails billing's trial reminders: when the trial ends, what will be charged,
 * and a link one button away from cancelling.
 */
@Component
class TrialReminderMailer {

	private final Mailer mailer;

	private final PublicUrl publicUrl;

	TrialReminderMailer(Mailer mailer, PublicUrl publicUrl) {
		this.mailer = mailer;
		this.publicUrl = publicUrl;
	}

	@EventListener
	void remind(TrialReminderDue due) {
		String when = (due.daysLeft() <= 1) ? "tomorrow" : "in " + due.daysLeft() + " days";
		String price = Money.format(due.amount(), due.currency());
		this.mailer.send(new MailMessage(due.email(), "Your Newsstand trial ends " + when, """
				Your free trial of Newsstand ends %s, on %s.

				Unless you cancel before then, we will charge %s for the %s plan on that day, and your
				membership continues.

				To cancel (you keep reading until the trial ends, and nothing is charged):
				%s

				To keep reading everything, you need to do nothing.
				""".formatted(when, MembershipSummary.day(due.trialEndsAt()), price, due.plan(),
				this.publicUrl.resolve("/membership/cancel"))));
	}

}
