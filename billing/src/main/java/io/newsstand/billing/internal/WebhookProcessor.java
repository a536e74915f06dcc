package io.newsstand.billing.internal;

import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Handles a verified Stripe event once: every relevant type triggers a sync of
 * its customer from Stripe (so order and duplicates do not matter);
 * {@code trial_will_end} also publishes the trial reminder. The event id is
 * recorded as processed only after everything succeeded.
 */
@Component
class WebhookProcessor {

	static final Set<String> HANDLED = Set.of("checkout.session.completed", "customer.subscription.created",
			"customer.subscription.updated", "customer.subscription.deleted", "customer.subscription.paused",
			"customer.subscription.resumed", "customer.subscription.trial_will_end", "invoice.paid",
			"invoice.payment_failed");

	enum Result {
		PROCESSED, DUPLICATE, IGNORED
	}

	private final MembershipStore store;

	private final MembershipSync sync;

	private final TrialReminders reminders;

	WebhookProcessor(MembershipStore store, MembershipSync sync, TrialReminders reminders) {
		this.store = store;
		this.sync = sync;
		this.reminders = reminders;
	}

	Result process(StripeRecords.Event event) {
		if (!HANDLED.contains(event.type()) || event.customer() == null) {
			return Result.IGNORED;
		}
		if (this.store.eventProcessed(event.id())) {
			return Result.DUPLICATE;
		}
		Snapshot snapshot = this.sync.syncCustomer(event.customer());
		if (snapshot != null && event.type().equals("customer.subscription.trial_will_end")) {
			this.reminders.trialWillEnd(snapshot);
		}
		this.store.markEventProcessed(event.id());
		return Result.PROCESSED;
	}

}
