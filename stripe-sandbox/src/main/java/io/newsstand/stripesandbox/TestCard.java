package io.newsstand.stripesandbox;

import org.jspecify.annotations.Nullable;

/**
 * Stripe's test cards and payment-method tokens the sandbox knows: the number
 * typed on the hosted pages or the token a script passes.
 *
 * @param brand
 *            card brand
 * @param last4
 *            last four digits
 * @param failsCharges
 *            attaches, then every charge fails
 * @param declined
 *            refused when it is entered
 */
record TestCard(String brand, String last4, boolean failsCharges, boolean declined) {

	static @Nullable TestCard of(String numberOrToken) {
		String value = numberOrToken.replaceAll("[\\s-]", "");
		return switch (value) {
			case "pm_card_visa", "tok_visa", "4242424242424242" -> new TestCard("visa", "4242", false, false);
			case "pm_card_mastercard", "5555555555554444" -> new TestCard("mastercard", "4444", false, false);
			case "pm_card_chargeCustomerFail", "tok_chargeCustomerFail", "4000000000000341" ->
				new TestCard("visa", "0341", true, false);
			case "pm_card_chargeDeclined", "tok_chargeDeclined", "4000000000000002" ->
				new TestCard("visa", "0002", false, true);
			default -> null;
		};
	}

	/** Stripe's fingerprint is per card number, the same for every customer. */
	String fingerprint() {
		return "fp" + Integer.toHexString((this.brand + this.last4).hashCode());
	}

}
