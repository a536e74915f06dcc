package io.newsstand.billing.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Periodically re-reads from Stripe every non-final membership and every
 * account with a checkout started in the last 48 hours, so a missed webhook
 * heals, and publishes last-day trial reminders. The first run comes soon after
 * start ({@code reconcile-initial-delay}), since a crash is when webhooks get
 * lost. Runs on the node holding billing's {@link JobLease}. Scheduled here
 * rather than with {@code @Scheduled("${...:1h}")} so that the interval's
 * default lives only in {@link BillingProperties}.
 */
@Component
public class Reconciler implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

	private final MembershipStore store;

	private final MembershipSync sync;

	private final TrialReminders reminders;

	private final JobLease lease;

	private final BillingProperties properties;

	Reconciler(MembershipStore store, MembershipSync sync, TrialReminders reminders, JobLease lease,
			BillingProperties properties) {
		this.store = store;
		this.sync = sync;
		this.reminders = reminders;
		this.lease = lease;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::scheduled, this.properties.reconcileInterval(),
				this.properties.reconcileInitialDelay()));
	}

	void scheduled() {
		// One node reconciles: N nodes would each re-read every membership from Stripe.
		this.lease.run("reconcile", this::reconcileAll);
	}

	/** Returns how many memberships failed to sync. */
	public int reconcileAll() {
		int failed = 0;
		for (String accountId : this.store.accountsToReconcile()) {
			String customerId = this.store.customerOf(accountId);
			if (customerId == null) {
				continue;
			}
			try {
				this.reminders.lastDay(this.sync.syncAccount(accountId, customerId));
			} catch (RuntimeException ex) {
				failed++;
				log.warn("Reconcile of account {} (customer {}) failed: {}", accountId, customerId, ex.toString());
			}
		}
		return failed;
	}

}
