package io.newsstand.billing;

/**
 * What starting a checkout led to.
 */
public sealed interface CheckoutOutcome {

	/**
	 * Send the reader to Stripe's hosted checkout page.
	 *
	 * @param url
	 *            the hosted checkout page
	 * @param trial
	 *            whether the checkout includes the free trial
	 * @param trialRefusal
	 *            why the trial is not included, or empty when it is
	 */
	record Redirect(String url, boolean trial, String trialRefusal) implements CheckoutOutcome {
	}

	/**
	 * The reader already has a live membership: send them to the portal instead of
	 * a second checkout.
	 *
	 * @param reason
	 *            what to tell the reader
	 */
	record SendToPortal(String reason) implements CheckoutOutcome {
	}

	/**
	 * Stripe was slow, down or failing; nothing was charged. Show "try again".
	 *
	 * @param message
	 *            what to tell the reader
	 */
	record TryAgain(String message) implements CheckoutOutcome {
	}

}
