package io.newsstand.web.membership;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Prices in minor units as readers read them: "€9.00". */
public final class Money {

	private Money() {
	}

	public static String format(long minorUnits, String currency) {
		Currency code = Currency.getInstance(currency.toUpperCase(Locale.ROOT));
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
		format.setCurrency(code);
		return format.format(BigDecimal.valueOf(minorUnits, code.getDefaultFractionDigits()));
	}

}
