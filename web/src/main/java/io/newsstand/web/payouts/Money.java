package io.newsstand.web.payouts;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * Minor units as Stripe counts them, shown in major units. Stripe's exponent
 * differs from ISO 4217 for some currencies (ISK is two-decimal at Stripe), so
 * Stripe's own lists decide.
 */
final class Money {

	private static final Set<String> ZERO_DECIMAL = Set.of("bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga",
			"pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf");

	private static final Set<String> THREE_DECIMAL = Set.of("bhd", "jod", "kwd", "omr", "tnd");

	private Money() {
	}

	static int digits(String currency) {
		String code = currency.toLowerCase(Locale.ROOT);
		return ZERO_DECIMAL.contains(code) ? 0 : THREE_DECIMAL.contains(code) ? 3 : 2;
	}

	/** {@code 630, "eur"} as {@code 6.30}. */
	static String amount(long minor, String currency) {
		return BigDecimal.valueOf(minor, digits(currency)).toPlainString();
	}

	/** {@code 630, "eur"} as {@code EUR 6.30}. */
	static String format(long minor, String currency) {
		return currency.toUpperCase(Locale.ROOT) + " " + amount(minor, currency);
	}

}
