package io.newsstand.billing.internal;

import io.newsstand.billing.Membership;
import io.newsstand.billing.MembershipState;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The one access rule: trialing and active read in full; cancelled at period
 * end reads until the period ends; past due reads for a grace period from the
 * first failed payment if the subscription has paid before
 * ({@link GraceAfterFailedPayment}); unpaid, paused, cancelled, incomplete and
 * incomplete_expired do not. Access is also capped at the end of the trial or
 * period (plus a little slack for Stripe's own processing), so a missed webhook
 * cannot extend it.
 */
public final class AccessRule {

	/** Stripe charges about an hour after a period ends; allow for it. */
	static final Duration PERIOD_SLACK = Duration.ofHours(2);

	private final GraceAfterFailedPayment grace;

	public AccessRule(Duration grace) {
		this.grace = new GraceAfterFailedPayment(grace);
	}

	/** The membership of a snapshot at a moment of real time. */
	public Membership evaluate(String accountId, @Nullable Snapshot snapshot, Instant realNow) {
		if (snapshot == null) {
			return Membership.none(accountId);
		}
		Instant now = snapshot.customerNow(realNow);
		Instant end = snapshot.status() == SubscriptionStatus.TRIALING ? snapshot.trialEnd() : snapshot.periodEnd();
		boolean withinPeriod = end != null && now.isBefore(end.plus(PERIOD_SLACK));
		return switch (snapshot.status()) {
			case TRIALING, ACTIVE -> {
				if (!withinPeriod) {
					yield membership(snapshot, MembershipState.LAPSED, null, false,
							"Your membership period has ended.");
				}
				if (snapshot.cancelAtPeriodEnd()) {
					yield membership(snapshot, MembershipState.CANCELING, null, true,
							"Cancelled; you can read until " + end + ".");
				}
				boolean trial = snapshot.status() == SubscriptionStatus.TRIALING;
				yield membership(snapshot, trial ? MembershipState.TRIALING : MembershipState.ACTIVE, null, true,
						trial ? "Free trial until " + end + "." : "Member.");
			}
			case PAST_DUE -> {
				GraceAfterFailedPayment.Decision decision = this.grace.decide(snapshot, now);
				MembershipState state = (decision.reads() || decision.graceEnd() == null)
						? MembershipState.PAST_DUE
						: MembershipState.LAPSED;
				yield membership(snapshot, state, decision.graceEnd(), decision.reads(), decision.reason(), true);
			}
			case PAUSED -> membership(snapshot, MembershipState.PAUSED, null, false,
					"Your trial ended without a card; add one to continue.", true);
			case INCOMPLETE ->
				membership(snapshot, MembershipState.NONE, null, false, "Your first payment has not completed.");
			case NONE -> membership(snapshot, MembershipState.NONE, null, false, "Not a member yet.");
			default -> membership(snapshot, MembershipState.LAPSED, null, false, "Your membership has ended.");
		};
	}

	private static Membership membership(Snapshot s, MembershipState state, @Nullable Instant graceEnd, boolean read,
			String reason) {
		return membership(s, state, graceEnd, read, reason, false);
	}

	private static Membership membership(Snapshot s, MembershipState state, @Nullable Instant graceEnd, boolean read,
			String reason, boolean updateCard) {
		return new Membership(s.accountId(), state, s.plan(), s.trialEnd(),
				s.status() == SubscriptionStatus.TRIALING ? s.trialEnd() : s.periodEnd(), s.cancelAtPeriodEnd(),
				graceEnd, s.syncedAt(), read, reason, updateCard);
	}

}
