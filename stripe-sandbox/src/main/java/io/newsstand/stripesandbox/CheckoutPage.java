package io.newsstand.stripesandbox;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The hosted checkout page's model: the session, the order summary's texts,
 * what the reader typed (all but the CVC, which Stripe never shows again), the
 * problems by field and a decline for the whole form.
 */
record CheckoutPage(CheckoutView view, String price, String firstCharge, String dueToday, Map<String, String> form,
		Map<String, String> errors, @Nullable String formError, @Nullable String csrfName, @Nullable String csrfValue) {

	String email() {
		return this.form.getOrDefault("email", Objects.requireNonNullElse(this.view.email(), ""));
	}

	String cardNumber() {
		return this.form.getOrDefault("cardNumber", "");
	}

	String cardExpiry() {
		return this.form.getOrDefault("cardExpiry", "");
	}

	String billingName() {
		return this.form.getOrDefault("billingName", "");
	}

	CardCheck.Brand brand() {
		return CardCheck.brand(cardNumber());
	}

	String error(String field) {
		return Objects.requireNonNullElse(this.errors.get(field), "");
	}

	boolean invalid(String field) {
		return this.errors.containsKey(field);
	}

}
