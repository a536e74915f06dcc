package io.newsstand.billing;

import java.time.Instant;

/**
 * Published (once per reminder) when a reader's trial is about to end: three
 * days before, on Stripe's {@code customer.subscription.trial_will_end}, and
 * again one day before. The listener delivers the reminder with a one-click way
 * to cancel.
 *
 * @param accountId
 *            the reader's account
 * @param email
 *            where to send the reminder
 * @param trialEndsAt
 *            when the trial ends and the first charge is made
 * @param amount
 *            the amount that will be charged, in minor units
 * @param currency
 *            its currency (ISO code, lower case)
 * @param plan
 *            {@code monthly} or {@code yearly}
 * @param daysLeft
 *            whole days left in the trial (rounded up)
 */
public record TrialReminderDue(String accountId, String email, Instant trialEndsAt, long amount, String currency,
		String plan, int daysLeft) {

}
