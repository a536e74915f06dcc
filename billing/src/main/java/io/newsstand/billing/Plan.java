package io.newsstand.billing;

/**
 * A membership plan with its price as Stripe has it.
 *
 * @param id
 *            {@code monthly} or {@code yearly}
 * @param name
 *            the product's name, e.g. "Newsstand Membership"
 * @param amount
 *            price per interval in minor units (cents)
 * @param currency
 *            ISO currency code, lower case as Stripe gives it
 * @param interval
 *            {@code month} or {@code year}
 */
public record Plan(String id, String name, long amount, String currency, String interval) {

	/** The monthly plan's id. */
	public static final String MONTHLY = "monthly";

	/** The yearly plan's id. */
	public static final String YEARLY = "yearly";

}
