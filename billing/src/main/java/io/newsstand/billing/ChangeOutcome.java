package io.newsstand.billing;

/**
 * What a self-service change (end trial, cancel, resume, switch plan, complete
 * checkout) led to.
 */
public sealed interface ChangeOutcome {

	/**
	 * Done; the membership is already synchronised from Stripe.
	 *
	 * @param membership
	 *            the membership after the change
	 */
	record Done(Membership membership) implements ChangeOutcome {
	}

	/**
	 * Not possible in the membership's current state.
	 *
	 * @param reason
	 *            what to tell the reader
	 */
	record Refused(String reason) implements ChangeOutcome {
	}

	/**
	 * Stripe was slow, down or failing; nothing changed. Show "try again".
	 *
	 * @param message
	 *            what to tell the reader
	 */
	record TryAgain(String message) implements ChangeOutcome {
	}

}
