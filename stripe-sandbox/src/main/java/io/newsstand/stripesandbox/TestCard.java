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
 * @param declineCode
 *            Stripe's decline code when the card is refused as it is entered
 *            ({@code generic_decline}, {@code insufficient_funds}), else null
 */
record TestCard(String brand, String last4, boolean failsCharges, @Nullable String declineCode) {

	static @Nullable TestCard of(String numberOrToken) {
		String value = numberOrToken.replaceAll("[\\s-]", "");
		return switch (value) {
			case "pm_card_visa", "tok_visa", "4242424242424242" -> new TestCard("visa", "4242", false, null);
			case "pm_card_mastercard", "5555555555554444" -> new TestCard("mastercard", "4444", false, null);
			case "pm_card_chargeCustomerFail", "tok_chargeCustomerFail", "4000000000000341" ->
				new TestCard("visa", "0341", true, null);
			case "pm_card_chargeDeclined", "tok_chargeDeclined", "4000000000000002" ->
				new TestCard("visa", "0002", false, "generic_decline");
			case "pm_card_visa_chargeDeclinedInsufficientFunds", "tok_visa_chargeDeclinedInsufficientFunds",
					"4000000000009995" ->
				new TestCard("visa", "9995", false, "insufficient_funds");
			default -> null;
		};
	}

	/** Stripe's fingerprint is per card number, the same for every customer. */
	String fingerprint() {
		return "fp" + Integer.toHexString((this.brand + this.last4).hashCode());
	}

}
