package io.newsstand.billing.internal;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Grace after a failed payment: a past-due subscription that has paid before
 * keeps reading for the grace period from the first failed payment, so a member
 * whose card expired is not locked out at once. A subscription that has never
 * paid (its first charge failed, for example a trial ended at once by the
 * one-trial-per-card rule) gets no grace: otherwise a throwaway account and a
 * card that always fails would read free for the whole grace period, again and
 * again.
 */
final class GraceAfterFailedPayment {

	/**
	 * The decision for a past-due membership.
	 *
	 * @param reads
	 *            may read in full now
	 * @param graceEnd
	 *            when the grace period ends, or null when there is none
	 * @param reason
	 *            why, in the reader's words
	 */
	record Decision(boolean reads, @Nullable Instant graceEnd, String reason) {
	}

	private final Duration grace;

	GraceAfterFailedPayment(Duration grace) {
		this.grace = grace;
	}

	Decision decide(Snapshot snapshot, Instant now) {
		if (!snapshot.hasPaid()) {
			return new Decision(false, null, "Your first payment failed, so your membership has not started; update"
					+ " your card in the billing portal and we will charge it again.");
		}
		Instant since = (snapshot.pastDueSince() != null) ? snapshot.pastDueSince() : snapshot.syncedAt();
		Instant graceEnd = since.plus(this.grace);
		return now.isBefore(graceEnd)
				? new Decision(true, graceEnd,
						"Your last payment failed; update your card before " + graceEnd + " to keep reading.")
				: new Decision(false, graceEnd,
						"Your payment failed and the grace period is over; update your card to read again.");
	}

}
