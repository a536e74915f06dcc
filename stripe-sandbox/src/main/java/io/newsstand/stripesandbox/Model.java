package io.newsstand.stripesandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The sandbox's mutable Stripe objects; guarded by {@link Sandbox}'s lock.
 */
final class Model {

	private Model() {
	}

	static final class Customer {

		String id = "";

		@Nullable
		String email;

		@Nullable
		String name;

		Map<String, String> metadata = new LinkedHashMap<>();

		@Nullable
		String testClock;

		@Nullable
		String defaultPaymentMethod;

		boolean deleted;

		long created;

	}

	static final class Product {

		String id = "";

		String name = "";

		long created;

	}

	static final class Price {

		String id = "";

		String product = "";

		String lookupKey = "";

		String nickname = "";

		long unitAmount;

		String currency = "eur";

		String interval = "month";

		long created;

	}

	static final class PaymentMethod {

		String id = "";

		@Nullable
		String customer;

		String brand = "visa";

		String last4 = "4242";

		String fingerprint = "";

		boolean failsCharges;

		long created;

	}

	static final class Session {

		String id = "";

		String status = "open";

		String paymentStatus = "unpaid";

		String customer = "";

		@Nullable
		String clientReferenceId;

		String price = "";

		@Nullable
		Long trialPeriodDays;

		String missingPaymentMethod = "create_invoice";

		String paymentMethodCollection = "always";

		boolean allowPromotionCodes;

		String successUrl = "";

		String cancelUrl = "";

		@Nullable
		String subscription;

		Map<String, String> metadata = new LinkedHashMap<>();

		Map<String, String> subscriptionMetadata = new LinkedHashMap<>();

		long created;

		long expiresAt;

		boolean hasTrial() {
			return this.trialPeriodDays != null && this.trialPeriodDays > 0;
		}
	}

	static final class Subscription {

		String id = "";

		String customer = "";

		String itemId = "";

		String status = "";

		String price = "";

		boolean cancelAtPeriodEnd;

		@Nullable
		Long canceledAt;

		@Nullable
		Long endedAt;

		long created;

		@Nullable
		Long trialStart;

		@Nullable
		Long trialEnd;

		boolean trialWillEndSent;

		String missingPaymentMethod = "create_invoice";

		long periodStart;

		long periodEnd;

		@Nullable
		String defaultPaymentMethod;

		@Nullable
		String latestInvoice;

		/** When the current run of failed payments began, or null. */
		@Nullable
		Long firstFailureAt;

		int failedAttempts;

		@Nullable
		Long nextRetryAt;

		Map<String, String> metadata = new LinkedHashMap<>();

		/** Canceled or expired before its first payment: it can no longer change. */
		boolean ended() {
			return ended(this.status);
		}

		static boolean ended(String status) {
			return status.equals("canceled") || status.equals("incomplete_expired");
		}
	}

	static final class Invoice {

		String id = "";

		String customer = "";

		String subscription = "";

		String status = "open";

		String billingReason = "";

		long amountDue;

		long amountPaid;

		String currency = "eur";

		int attemptCount;

		long periodStart;

		long periodEnd;

		long created;

		@Nullable
		Long paidAt;

		/** Credit notes issued after payment (refunds), minor units. */
		long creditedAfterPayment;

		/** The payment intent that paid it; none for an invoice of 0. */
		@Nullable
		String paymentIntent;

	}

	static final class CreditNote {

		String id = "";

		String invoice = "";

		String customer = "";

		long amount;

		String currency = "eur";

		String reason = "";

		long created;

	}

	static final class PortalSession {

		String id = "";

		String customer = "";

		String returnUrl = "";

		long created;

	}

	static final class TestClock {

		String id = "";

		String name = "";

		long frozenTime;

		long created;

	}

}
