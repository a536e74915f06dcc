package io.newsstand.stripesandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.util.ClassUtils;

/**
 * What the hosted checkout and portal pages show: amounts and dates as a reader
 * reads them, the host's CSRF token, and the templates' models built from the
 * views ({@link SandboxPages} serves them).
 */
final class HostedPageModels {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
			.withZone(ZoneOffset.UTC);

	/**
	 * Spring Security is optional: a host without it has no CSRF token to carry.
	 */
	private static final boolean SECURITY = ClassUtils.isPresent("org.springframework.security.web.csrf.CsrfToken",
			HostedPageModels.class.getClassLoader());

	private HostedPageModels() {
	}

	static CheckoutPage checkoutPage(Instant now, CheckoutView view, Map<String, String> typed,
			Map<String, String> errors, @Nullable String formError, HttpServletRequest request) {
		String[] csrf = csrf(request);
		String price = money(view.amount(), view.currency());
		String firstCharge = DATE.format(now.plus(Duration.ofDays(view.trialDays())));
		String dueToday = view.trialDays() > 0 ? money(0, view.currency()) : price;
		return new CheckoutPage(view, price, firstCharge, dueToday, typed, errors, formError,
				(csrf == null) ? null : csrf[0], (csrf == null) ? null : csrf[1]);
	}

	static PortalPage portalPage(PortalView view, @Nullable String error, HttpServletRequest request) {
		String[] csrf = csrf(request);
		String periodEnd = (view.periodEnd() == null) ? null : DATE.format(view.periodEnd());
		boolean renews = view.subscription() != null && view.periodEnd() != null && !view.cancelAtPeriodEnd()
				&& !"canceled".equals(view.status()) && view.currency() != null;
		String nextPayment = renews ? money(view.amount(), view.currency()) + " on " + periodEnd : null;
		String other = "price_monthly".equals(view.price()) ? "price_yearly" : "price_monthly";
		List<PortalPage.InvoiceRow> invoices = view.invoices().stream()
				.map(invoice -> new PortalPage.InvoiceRow(DATE.format(Instant.ofEpochSecond(invoice.created)),
						money(invoice.amountDue, invoice.currency), invoice.status))
				.toList();
		return new PortalPage(view, error, periodEnd, nextPayment, other,
				other.equals("price_yearly") ? "yearly" : "monthly", invoices, (csrf == null) ? null : csrf[0],
				(csrf == null) ? null : csrf[1]);
	}

	static String money(long minor, String currency) {
		String symbol = switch (currency.toLowerCase(Locale.ROOT)) {
			case "eur" -> "€";
			case "usd" -> "$";
			case "gbp" -> "£";
			default -> currency.toUpperCase(Locale.ROOT) + " ";
		};
		return String.format(Locale.ENGLISH, "%s%d.%02d", symbol, minor / 100, minor % 100);
	}

	/**
	 * The host's CSRF token (name, value), when the host has CSRF protection (the
	 * web app does).
	 */
	private static String @Nullable [] csrf(HttpServletRequest request) {
		if (SECURITY && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			return new String[]{token.getParameterName(), token.getToken()};
		}
		return null;
	}

}
