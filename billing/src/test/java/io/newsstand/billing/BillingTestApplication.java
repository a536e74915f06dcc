package io.newsstand.billing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * A minimal app around the billing module for its tests: a real web server on a
 * random port, so billing reaches the Stripe sandbox over HTTP through the real
 * SDK, and the sandbox delivers webhooks back to it.
 */
@SpringBootApplication
public class BillingTestApplication {

	@Bean
	Reminders reminders() {
		return new Reminders();
	}

	/** Collects published trial reminders. */
	public static final class Reminders {

		private final List<TrialReminderDue> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(TrialReminderDue reminder) {
			this.received.add(reminder);
		}

		public List<TrialReminderDue> of(String accountId) {
			return this.received.stream().filter(reminder -> reminder.accountId().equals(accountId)).toList();
		}

	}

}
