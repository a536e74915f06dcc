package io.newsstand.billing.internal;

import io.newsstand.billing.Membership;
import io.newsstand.billing.TrialReminderDue;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Decides when a trial reminder is due (Stripe's {@code trial_will_end}, three
 * days before; and one day before, found by the reconcile) and publishes
 * {@link TrialReminderDue} once per reminder, de-duplicated in Redis.
 */
@Component
class TrialReminders {

	private static final Logger log = LoggerFactory.getLogger(TrialReminders.class);

	static final String THREE_DAYS = "trial_will_end";

	static final String ONE_DAY = "one_day";

	private final MembershipStore store;

	private final ApplicationEventPublisher events;

	private final InstantSource clock;

	TrialReminders(MembershipStore store, ApplicationEventPublisher events, ObjectProvider<InstantSource> clock) {
		this.store = store;
		this.events = events;
		this.clock = clock.getIfAvailable(InstantSource::system);
	}

	/** On Stripe's {@code customer.subscription.trial_will_end}. */
	void trialWillEnd(Snapshot snapshot) {
		remind(snapshot, THREE_DAYS, Duration.ofDays(4));
	}

	/** From the reconcile: the last day of a trial. */
	void lastDay(Snapshot snapshot) {
		remind(snapshot, ONE_DAY, Duration.ofDays(1));
	}

	private void remind(Snapshot s, String kind, Duration window) {
		if (s.status() != SubscriptionStatus.TRIALING || s.cancelAtPeriodEnd() || s.trialEnd() == null
				|| s.email() == null || s.subscriptionId() == null || s.plan() == null) {
			return;
		}
		Instant now = s.customerNow(this.clock.instant());
		Duration left = Duration.between(now, s.trialEnd());
		if (left.isNegative() || left.isZero() || left.compareTo(window) > 0) {
			return;
		}
		if (this.store.claimReminder(s.subscriptionId(), s.trialEnd(), kind)) {
			int daysLeft = Membership.daysLeft(now, s.trialEnd());
			log.info("Trial reminder ({}) due for account {}: trial ends {}", kind, s.accountId(), s.trialEnd());
			this.events.publishEvent(new TrialReminderDue(s.accountId(), s.email(), s.trialEnd(), s.amount(),
					s.currency(), s.plan(), daysLeft));
		}
	}

}
