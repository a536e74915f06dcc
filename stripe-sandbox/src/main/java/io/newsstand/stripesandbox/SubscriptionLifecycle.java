package io.newsstand.stripesandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What Stripe Billing does to a subscription as time passes: trial reminders,
 * trial ends, renewals, charges that succeed or fail, retries of failed
 * payments, and cancellation; each change emits Stripe's events. Runs under the
 * {@link SandboxStore}'s lock.
 */
final class SubscriptionLifecycle {

	static final long DAY = 86_400;

	/** Days after the first failed payment on which Stripe retries it. */
	private static final long[] RETRY_DAYS = {3, 7, 14};

	private final SandboxStore store;

	private final SandboxEvents emitter;

	SubscriptionLifecycle(SandboxStore store, SandboxEvents emitter) {
		this.store = store;
		this.emitter = emitter;
	}

	static long dueAt(Model.Subscription s) {
		return switch (s.status) {
			case "trialing" -> (!s.trialWillEndSent)
					? Objects.requireNonNull(s.trialEnd) - 3 * DAY
					: Objects.requireNonNull(s.trialEnd);
			case "active" -> s.periodEnd;
			case "past_due" -> (s.nextRetryAt != null) ? Math.min(s.nextRetryAt, s.periodEnd) : s.periodEnd;
			default -> Long.MAX_VALUE;
		};
	}

	void advance(Model.Subscription s, long at, List<Map<String, Object>> events) {
		switch (s.status) {
			case "trialing" -> {
				if (!s.trialWillEndSent) {
					s.trialWillEndSent = true;
					this.emitter.emit(events, "customer.subscription.trial_will_end", s, null);
				} else {
					endTrial(s, at, events);
				}
			}
			case "active" -> renew(s, at, events);
			case "past_due" -> {
				if (s.nextRetryAt != null && s.nextRetryAt <= s.periodEnd) {
					retry(s, at, events);
				} else {
					renew(s, at, events);
				}
			}
			default -> throw new IllegalStateException(s.status);
		}
	}

	void endTrial(Model.Subscription s, long at, List<Map<String, Object>> events) {
		Map<String, Object> previous = Map.of("status", "trialing");
		if (s.cancelAtPeriodEnd) {
			cancel(s, at, events);
			return;
		}
		Model.Price price = this.store.get(Model.Price.class, "price", s.price);
		s.periodStart = at;
		s.periodEnd = plusInterval(at, price.interval);
		if (paymentMethod(s) == null) {
			switch (s.missingPaymentMethod) {
				case "cancel" -> {
					cancel(s, at, events);
					return;
				}
				case "pause" -> {
					s.status = "paused";
					this.emitter.emit(events, "customer.subscription.paused", s, null);
					this.emitter.emit(events, "customer.subscription.updated", s, previous);
					return;
				}
				default -> {
				}
			}
		}
		charge(s, at, "subscription_cycle", events);
		if (!s.status.equals("trialing")) {
			this.emitter.emit(events, "customer.subscription.updated", s, previous);
		}
	}

	void renew(Model.Subscription s, long at, List<Map<String, Object>> events) {
		if (s.cancelAtPeriodEnd) {
			cancel(s, s.periodEnd, events);
			return;
		}
		String before = s.status;
		s.periodStart = s.periodEnd;
		s.periodEnd = plusInterval(s.periodStart, this.store.get(Model.Price.class, "price", s.price).interval);
		s.firstFailureAt = null;
		s.failedAttempts = 0;
		s.nextRetryAt = null;
		charge(s, at, "subscription_cycle", events);
		this.emitter.emit(events, "customer.subscription.updated", s, Map.of("status", before));
	}

	void retry(Model.Subscription s, long at, List<Map<String, Object>> events) {
		Model.Invoice invoice = this.store.get(Model.Invoice.class, "invoice", Objects.requireNonNull(s.latestInvoice));
		Model.PaymentMethod method = paymentMethod(s);
		invoice.attemptCount++;
		if (method != null && !method.failsCharges) {
			paid(s, invoice, at, events);
			this.emitter.emit(events, "customer.subscription.updated", s, Map.of("status", "past_due"));
			return;
		}
		s.failedAttempts++;
		this.emitter.emit(events, "invoice.payment_failed", invoice, null);
		if (s.failedAttempts > RETRY_DAYS.length) {
			cancel(s, at, events);
		} else {
			s.nextRetryAt = Objects.requireNonNull(s.firstFailureAt) + RETRY_DAYS[s.failedAttempts - 1] * DAY;
		}
	}

	void charge(Model.Subscription s, long at, String reason, List<Map<String, Object>> events) {
		Model.Price price = this.store.get(Model.Price.class, "price", s.price);
		Model.Invoice invoice = invoice(s, price.unitAmount, reason, at);
		invoice.attemptCount = 1;
		Model.PaymentMethod method = paymentMethod(s);
		if (method != null && !method.failsCharges) {
			paid(s, invoice, at, events);
			return;
		}
		s.status = "past_due";
		s.firstFailureAt = at;
		s.failedAttempts = 1;
		s.nextRetryAt = at + RETRY_DAYS[0] * DAY;
		this.emitter.emit(events, "invoice.payment_failed", invoice, null);
	}

	void paid(Model.Subscription s, Model.Invoice invoice, long at, List<Map<String, Object>> events) {
		invoice.status = "paid";
		invoice.amountPaid = invoice.amountDue;
		invoice.paidAt = at;
		Payments.record(this.store, invoice, at);
		s.status = "active";
		s.firstFailureAt = null;
		s.failedAttempts = 0;
		s.nextRetryAt = null;
		this.emitter.emit(events, "invoice.paid", invoice, null);
	}

	void cancel(Model.Subscription s, long at, List<Map<String, Object>> events) {
		s.status = "canceled";
		s.endedAt = at;
		if (s.canceledAt == null) {
			s.canceledAt = at;
		}
		s.nextRetryAt = null;
		this.emitter.emit(events, "customer.subscription.deleted", s, null);
	}

	Model.@Nullable PaymentMethod paymentMethod(Model.Subscription s) {
		String id = s.defaultPaymentMethod;
		if (id == null && this.store.find(s.customer) instanceof Model.Customer c) {
			id = c.defaultPaymentMethod;
		}
		return (id == null) ? null : (Model.PaymentMethod) this.store.find(id);
	}

	Model.Invoice invoice(Model.Subscription s, long amount, String reason, long at) {
		Model.Invoice invoice = new Model.Invoice();
		invoice.id = this.store.newId("in_");
		invoice.customer = s.customer;
		invoice.subscription = s.id;
		invoice.amountDue = amount;
		invoice.currency = this.store.get(Model.Price.class, "price", s.price).currency;
		invoice.billingReason = reason;
		invoice.periodStart = s.periodStart;
		invoice.periodEnd = s.periodEnd;
		invoice.created = at;
		this.store.put(invoice.id, invoice);
		s.latestInvoice = invoice.id;
		return invoice;
	}

	static long plusInterval(long epochSecond, String interval) {
		var start = Instant.ofEpochSecond(epochSecond).atZone(ZoneOffset.UTC);
		return (interval.equals("year") ? start.plusYears(1) : start.plusMonths(1)).toEpochSecond();
	}

}
