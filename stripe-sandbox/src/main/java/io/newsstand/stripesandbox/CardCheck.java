package io.newsstand.stripesandbox;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What Stripe's Checkout checks before it sends a card anywhere, done again on
 * the server (the page's script only helps): the brand from the number's
 * prefix, the length for that brand, the Luhn checksum, an expiry month that
 * has not passed, and a CVC of 3 digits (4 for American Express).
 */
final class CardCheck {

	/** Card brands by number prefix, as Checkout shows their marks. */
	enum Brand {

		VISA("Visa", 16, 3), MASTERCARD("Mastercard", 16, 3), AMEX("American Express", 15, 4), DISCOVER("Discover", 16,
				3), UNKNOWN("Card", 16, 3);

		final String label;

		final int length;

		final int cvcLength;

		Brand(String label, int length, int cvcLength) {
			this.label = label;
			this.length = length;
			this.cvcLength = cvcLength;
		}

	}

	private CardCheck() {
	}

	static String digits(String typed) {
		return typed.replaceAll("[\\s-]", "");
	}

	static Brand brand(String number) {
		String digits = digits(number);
		if (digits.startsWith("34") || digits.startsWith("37")) {
			return Brand.AMEX;
		}
		if (digits.startsWith("4")) {
			return Brand.VISA;
		}
		if (prefixBetween(digits, 2, 51, 55) || prefixBetween(digits, 4, 2221, 2720)) {
			return Brand.MASTERCARD;
		}
		if (digits.startsWith("6011") || digits.startsWith("65") || prefixBetween(digits, 3, 644, 649)) {
			return Brand.DISCOVER;
		}
		return Brand.UNKNOWN;
	}

	private static boolean prefixBetween(String digits, int length, int low, int high) {
		if (digits.length() < length) {
			return false;
		}
		int prefix = Integer.parseInt(digits.substring(0, length));
		return prefix >= low && prefix <= high;
	}

	static boolean luhn(String number) {
		String digits = digits(number);
		if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			if (i % 2 == 1) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return sum % 10 == 0;
	}

	/**
	 * Problems by field ({@code cardNumber}, {@code cardExpiry}, {@code cardCvc}),
	 * empty when the card may be tried. {@code null} expiry or CVC: not sent (a
	 * script paying with a test card number alone, as Stripe's test helpers do).
	 */
	static Map<String, String> problems(String number, String expiry, String cvc, YearMonth now) {
		Map<String, String> problems = new LinkedHashMap<>();
		String digits = digits(number);
		Brand brand = brand(digits);
		if (digits.isEmpty()) {
			problems.put("cardNumber", "Enter your card number.");
		} else if (!digits.chars().allMatch(Character::isDigit) || digits.length() != brand.length || !luhn(digits)) {
			problems.put("cardNumber", "Your card number is invalid.");
		}
		if (!expiry.isBlank()) {
			YearMonth month = expiry(expiry);
			if (month == null) {
				problems.put("cardExpiry", "Your card's expiration date is incomplete.");
			} else if (month.isBefore(now)) {
				problems.put("cardExpiry", "Your card's expiration year is in the past.");
			}
		}
		String cvcDigits = cvc.strip();
		if (!cvcDigits.isEmpty()
				&& (cvcDigits.length() != brand.cvcLength || !cvcDigits.chars().allMatch(Character::isDigit))) {
			problems.put("cardCvc", "Your card's security code is incomplete.");
		}
		return problems;
	}

	/** {@code MM / YY} (spaces and the slash optional), else null. */
	static @Nullable YearMonth expiry(String typed) {
		String digits = typed.replaceAll("[\\s/]", "");
		if (!digits.matches("\\d{4}")) {
			return null;
		}
		int month = Integer.parseInt(digits.substring(0, 2));
		if (month < 1 || month > 12) {
			return null;
		}
		return YearMonth.of(2000 + Integer.parseInt(digits.substring(2)), month);
	}

}
