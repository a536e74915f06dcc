package io.newsstand.billing.internal;

import org.jspecify.annotations.Nullable;

/**
 * Our own records of the Stripe objects billing reads, produced by
 * {@link StripeModels}, which with {@link InvoiceFees} alone reads
 * stripe-java's models.
 */
final class StripeRecords {

	private StripeRecords() {
	}

	record Customer(String id, @Nullable String email, @Nullable String accountId, @Nullable String testClock,
			@Nullable Long testClockTime, @Nullable String defaultPaymentMethod, boolean deleted) {
	}

	record Subscription(String id, String customer, SubscriptionStatus status, @Nullable String itemId,
			@Nullable String priceId, @Nullable Long trialStart, @Nullable Long trialEnd, @Nullable Long periodStart,
			@Nullable Long periodEnd, boolean cancelAtPeriodEnd, @Nullable String defaultPaymentMethod, long created) {

		/** Stripe treats these as live when limiting customers to one subscription. */
		boolean live() {
			return this.status.live();
		}

	}

	record Price(String id, @Nullable String lookupKey, long amount, String currency, String interval,
			String productName) {
	}

	record Session(String id, @Nullable String url, String status, @Nullable String customer,
			@Nullable String clientReferenceId, @Nullable String priceId) {
	}

	record Event(String id, String type, @Nullable String customer) {
	}

	/**
	 * A paid invoice: amounts in minor units, refunds as the credit notes issued
	 * after payment, times in epoch seconds, Stripe's fee where known, and the
	 * service period of its (first) line where reported.
	 */
	record Invoice(String id, String customer, String currency, long amountPaid, long creditedAfterPayment,
			long created, @Nullable Long paidAt, @Nullable Long fee, @Nullable Long periodStart,
			@Nullable Long periodEnd) {
	}

	/** A Stripe call that failed. */
	static final class Failure extends RuntimeException {

		private final boolean retryable;

		private final @Nullable String code;

		Failure(String message, boolean retryable, @Nullable String code, @Nullable Throwable cause) {
			super(message, cause);
			this.retryable = retryable;
			this.code = code;
		}

		/**
		 * Network trouble, a timeout, a 5xx or rate limiting: trying again may work.
		 */
		boolean retryable() {
			return this.retryable;
		}

		@Nullable
		String code() {
			return this.code;
		}

	}

	/** A webhook whose signature is missing, wrong or too old. */
	static final class BadSignature extends RuntimeException {

		BadSignature(String message) {
			super(message);
		}

	}

}
