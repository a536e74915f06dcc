package io.newsstand.web.membership;

import io.newsstand.billing.Membership;
import io.newsstand.billing.MembershipState;
import io.newsstand.billing.Plan;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A membership in plain words for the account page, with the buttons that make
 * sense in its state.
 *
 * @param state
 *            the API's spelling ({@code none}, {@code trialing}, ...)
 * @param headline
 *            one sentence: where the membership stands
 * @param details
 *            what happens next, and when
 * @param actions
 *            the self-service buttons to show
 * @param daysLeft
 *            whole days left in the trial, or null outside a trial
 */
public record MembershipSummary(String state, String headline, List<String> details, List<Action> actions,
		@Nullable Integer daysLeft) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
			.withZone(ZoneOffset.UTC);

	/** A self-service button: POSTs to {@code /account/membership/<action>}. */
	public record Action(String action, String label, @Nullable String plan, boolean primary) {
	}

	public static String day(Instant instant) {
		return DAY.format(instant);
	}

	/** The API's spelling of a state. */
	public static String code(MembershipState state) {
		return state.name().toLowerCase(Locale.ROOT);
	}

	public static MembershipSummary of(Membership membership, Offer.Terms terms, Instant now) {
		String plan = membership.plan();
		Offer.PlanPrice price = (plan != null) ? terms.plan(plan) : null;
		String planWords = (plan != null) ? plan + " plan" : "plan";
		String charge = (price != null) ? price.price() + " for the " + planWords : "the " + planWords + "'s price";
		String other = Plan.MONTHLY.equals(plan) ? Plan.YEARLY : Plan.MONTHLY;
		Instant trialEnd = membership.trialEndsAt();
		Integer daysLeft = (membership.state() == MembershipState.TRIALING && trialEnd != null)
				? Membership.daysLeft(now, trialEnd)
				: null;
		List<String> details = new ArrayList<>();
		List<Action> actions = new ArrayList<>();
		String headline = switch (membership.state()) {
			case NONE -> {
				details.add(
						terms.trialDays() + "-day free trial, then " + terms.monthlyPrice() + ". Cancel at any time.");
				yield "You are not a member yet.";
			}
			case TRIALING -> trialing(membership, daysLeft, charge, other, details, actions);
			case ACTIVE -> active(membership, planWords, charge, other, details, actions);
			case CANCELING -> canceling(membership, details, actions);
			case PAST_DUE -> pastDue(membership, details);
			case PAUSED -> {
				details.add("Add a card under \"Manage billing\" to continue reading everything.");
				yield "Your trial ended without a card, so your membership is paused.";
			}
			case LAPSED -> lapsed(membership, terms, details);
			default -> throw new IllegalStateException("Unknown membership state " + membership.state());
		};
		if (membership.updateCard()) {
			actions.add(new Action("portal", "Update your card", null, true));
		} else if (membership.state() != MembershipState.NONE && membership.state() != MembershipState.LAPSED) {
			actions.add(new Action("portal", "Manage billing (card, invoices)", null, false));
		}
		return new MembershipSummary(code(membership.state()), headline, List.copyOf(details), List.copyOf(actions),
				daysLeft);
	}

	private static String trialing(Membership membership, @Nullable Integer daysLeft, String charge, String other,
			List<String> details, List<Action> actions) {
		Instant end = membership.trialEndsAt();
		if (membership.cancelAtPeriodEnd()) {
			details.add("You cancelled: you read everything until the trial ends, and you will not be charged.");
			actions.add(new Action("resume", "Keep my membership", null, true));
		} else {
			details.add("On " + ((end != null) ? day(end) : "the trial's last day") + " we charge " + charge
					+ ", unless you cancel before then.");
			actions.add(new Action("cancel", "Cancel the trial", null, false));
			actions.add(new Action("end-trial", "End the trial and start paying now", null, false));
			actions.add(new Action("switch", "Switch to the " + other + " plan", other, false));
		}
		return (end != null)
				? "Your free trial ends on " + day(end) + " (" + daysLeft + (daysLeft == 1 ? " day" : " days")
						+ " left)."
				: "You are in your free trial.";
	}

	private static String active(Membership membership, String planWords, String charge, String other,
			List<String> details, List<Action> actions) {
		if (membership.currentPeriodEnd() != null) {
			details.add("Your membership renews on " + day(membership.currentPeriodEnd()) + ": " + charge + ".");
		}
		actions.add(new Action("cancel", "Cancel my membership", null, false));
		actions.add(new Action("switch", "Switch to the " + other + " plan", other, false));
		return "You are a member on the " + planWords + ".";
	}

	private static String canceling(Membership membership, List<String> details, List<Action> actions) {
		Instant until = membership.currentPeriodEnd();
		Instant trialEnd = membership.trialEndsAt();
		boolean inTrial = trialEnd != null && (until == null || !until.isAfter(trialEnd));
		details.add("You read everything until " + ((until != null) ? day(until) : "the period ends")
				+ ". You will not be charged again.");
		actions.add(new Action("resume", "Keep my membership", null, true));
		return inTrial ? "Your free trial is cancelled." : "Your membership is cancelled.";
	}

	private static String pastDue(Membership membership, List<String> details) {
		if (!membership.mayReadInFull()) {
			// Never paid: no grace (GraceAfterFailedPayment), teasers only.
			details.add("You read teasers until it succeeds. Update your card in the billing portal and we"
					+ " will charge it again.");
			return "Your first payment failed, so your membership has not started.";
		}
		details.add("You can keep reading"
				+ ((membership.graceEndsAt() != null) ? " until " + day(membership.graceEndsAt()) : " for now")
				+ ". Update your card in the billing portal and we will try again.");
		return "Your last payment failed.";
	}

	private static String lapsed(Membership membership, Offer.Terms terms, List<String> details) {
		if (membership.updateCard()) {
			// Still past due at Stripe, after the grace period: a working card revives it.
			details.add("Update your card in the billing portal and we will charge it again.");
			return "Your payment failed and the grace period is over.";
		}
		Instant trialEnd = membership.trialEndsAt();
		Instant periodEnd = membership.currentPeriodEnd();
		boolean trialOnly = trialEnd != null && (periodEnd == null || !periodEnd.isAfter(trialEnd));
		details.add("Become a member again to read everything: " + terms.monthlyPrice() + ".");
		return trialOnly
				? "Your free trial ended on " + day(trialEnd) + "."
				: "Your membership ended" + ((periodEnd != null) ? " on " + day(periodEnd) : "") + ".";
	}

	/** Whether the reader can start a checkout (no membership, or an ended one). */
	public boolean canJoin() {
		return "none".equals(this.state) || "lapsed".equals(this.state);
	}

}
