package io.newsstand.billing;

/**
 * What opening the Stripe Customer Portal led to.
 */
public sealed interface PortalOutcome {

	/**
	 * Send the reader to the portal (a short-lived URL: do not store it).
	 *
	 * @param url
	 *            the portal session's URL
	 */
	record Redirect(String url) implements PortalOutcome {
	}

	/** The account never started a checkout, so there is nothing to manage. */
	record NoCustomer() implements PortalOutcome {
	}

	/**
	 * Stripe was slow, down or failing. Show "try again".
	 *
	 * @param message
	 *            what to tell the reader
	 */
	record TryAgain(String message) implements PortalOutcome {
	}

}
