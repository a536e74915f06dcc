package io.newsstand.stripesandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The sandbox's hosted pages: Checkout ({@code /sandbox/stripe/checkout/{id}})
 * and the Customer Portal ({@code /sandbox/stripe/portal/{id}}), plain HTML
 * forms with stable ids a person or a browser test can fill in. Every page says
 * that payments are simulated.
 * <p>
 * A page is reached through its session's id (random, 24 characters of 62, as
 * Stripe's) and serves only the signed-in account it was opened for (the host
 * app's principal, {@link HttpServletRequest#getRemoteUser()}): anyone else
 * gets the answer to an unknown id. Its forms carry the host's CSRF token
 * (Spring Security's), which the host checks as on every other form. The portal
 * moves only the reader's own test clock.
 */
@RestController
@ConditionalOnStripeSandbox
@RequestMapping(Sandbox.PATH)
class SandboxPages {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
			.withZone(ZoneOffset.UTC);

	/** The most days the portal moves a reader's clock at once. */
	static final int MAX_DAYS = 400;

	private static final Logger log = LoggerFactory.getLogger(SandboxPages.class);

	/**
	 * Spring Security is optional: a host without it has no CSRF token to carry.
	 */
	private static final boolean SECURITY = ClassUtils.isPresent("org.springframework.security.web.csrf.CsrfToken",
			SandboxPages.class.getClassLoader());

	private final SandboxResources sandbox;

	SandboxPages(SandboxResources sandbox) {
		this.sandbox = sandbox;
	}

	@GetMapping("/checkout/{id}")
	ResponseEntity<String> checkout(@PathVariable String id, HttpServletRequest request) {
		CheckoutView view = checkoutFor(id, request);
		return html(HttpStatus.OK, checkoutPage(view, null, csrf(request)));
	}

	@PostMapping("/checkout/{id}")
	ResponseEntity<String> pay(@PathVariable String id, @RequestParam(defaultValue = "") String cardNumber,
			HttpServletRequest request) {
		CheckoutView view = checkoutFor(id, request);
		String card = cardNumber.replaceAll("[\\s-]", "");
		if (card.isEmpty() && !view.cardOptional()) {
			return html(HttpStatus.BAD_REQUEST, checkoutPage(view, "Enter a card number.", csrf(request)));
		}
		if (!card.isEmpty() && TestCard.of(card) == null) {
			return html(HttpStatus.BAD_REQUEST, checkoutPage(view,
					"Use a test card: 4242 4242 4242 4242 (succeeds) or 4000 0000 0000 0341 (fails at the first charge).",
					csrf(request)));
		}
		try {
			this.sandbox.checkout().completeSession(id, card.isEmpty() ? null : card);
		} catch (SandboxError error) {
			return html(HttpStatus.PAYMENT_REQUIRED, checkoutPage(view, error.getMessage(), csrf(request)));
		}
		return redirect(view.successUrl());
	}

	private CheckoutView checkoutFor(String id, HttpServletRequest request) {
		CheckoutView view = this.sandbox.checkout().checkoutView(id);
		requireOwner(view.owner(), "checkout.session", id, request);
		return view;
	}

	private PortalView portalFor(String id, HttpServletRequest request) {
		PortalView view = this.sandbox.subscriptions().portalView(id);
		requireOwner(view.owner(), "billing_portal.session", id, request);
		return view;
	}

	/**
	 * Only the account a page was opened for may see or use it; for anyone else it
	 * does not exist.
	 */
	private static void requireOwner(@Nullable String owner, String kind, String id, HttpServletRequest request) {
		String reader = request.getRemoteUser();
		if (reader == null) {
			throw new SandboxError(401, "invalid_request_error", "authentication_required", null,
					"Sign in to Newsstand to continue.");
		}
		if (!reader.equals(owner)) {
			log.info("Stripe sandbox: account {} refused the {} page of {} (opened for another account)", reader, kind,
					id);
			throw SandboxError.missing(kind, id);
		}
	}

	@ExceptionHandler(SandboxError.class)
	ResponseEntity<String> refused(SandboxError error) {
		HttpStatus status = HttpStatus.valueOf(error.status());
		return html(status,
				page(status.getReasonPhrase(), "<p id=\"error\" role=\"alert\">" + esc(error.getMessage()) + "</p>"));
	}

	/**
	 * The host's CSRF form field, when the host has CSRF protection (the web app
	 * does).
	 */
	private static String csrf(HttpServletRequest request) {
		if (SECURITY && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			return "<input type=\"hidden\" name=\"" + esc(token.getParameterName()) + "\" value=\""
					+ esc(token.getToken()) + "\">";
		}
		return "";
	}

	private static String checkoutPage(CheckoutView view, @Nullable String error, String csrf) {
		StringBuilder body = new StringBuilder();
		body.append("<h1>Newsstand Membership: ").append(esc(view.plan())).append("</h1>");
		body.append("<p id=\"price\">").append(money(view.amount(), view.currency())).append(" per ")
				.append(esc(view.interval())).append("</p>");
		if (view.trialDays() > 0) {
			body.append("<p id=\"trial\">").append(view.trialDays())
					.append("-day free trial; nothing is charged today.")
					.append(view.cardOptional() ? " A card is optional." : "").append("</p>");
		}
		if (!view.status().equals("open")) {
			body.append("<p id=\"closed\">This checkout is ").append(esc(view.status())).append(".</p>");
			return page("Checkout", body.toString());
		}
		if (error != null) {
			body.append("<p id=\"error\" role=\"alert\">").append(esc(error)).append("</p>");
		}
		body.append("<form id=\"checkout\" method=\"post\">").append(csrf)
				.append("<label for=\"email\">E-mail</label><input id=\"email\" name=\"email\" type=\"email\">")
				.append("<label for=\"cardNumber\">Card number</label>")
				.append("<input id=\"cardNumber\" name=\"cardNumber\" inputmode=\"numeric\" autocomplete=\"cc-number\""
						+ " placeholder=\"4242 4242 4242 4242\">")
				.append("<label for=\"cardExpiry\">Expiry</label><input id=\"cardExpiry\" name=\"cardExpiry\""
						+ " placeholder=\"12 / 34\">")
				.append("<label for=\"cardCvc\">CVC</label><input id=\"cardCvc\" name=\"cardCvc\" placeholder=\"123\">")
				.append("<label for=\"billingName\">Name on card</label><input id=\"billingName\" name=\"billingName\">")
				.append("<button id=\"submit\" type=\"submit\">")
				.append(view.trialDays() > 0 ? "Start trial" : "Subscribe").append("</button></form>");
		body.append("<p><a id=\"cancel\" href=\"").append(esc(view.cancelUrl())).append("\">Back</a></p>");
		return page("Checkout", body.toString());
	}

	@GetMapping("/portal/{id}")
	ResponseEntity<String> portal(@PathVariable String id, @RequestParam(required = false) @Nullable String error,
			HttpServletRequest request) {
		return html(HttpStatus.OK, portalPage(portalFor(id, request), error, csrf(request)));
	}

	@PostMapping("/portal/{id}/{action}")
	ResponseEntity<String> portalAction(@PathVariable String id, @PathVariable String action,
			@RequestParam Map<String, String> form, HttpServletRequest request) {
		PortalView view = portalFor(id, request);
		String subscription = view.subscription();
		Map<String, String[]> params = new HashMap<>();
		try {
			switch (action) {
				case "cancel" -> params.put("cancel_at_period_end", new String[]{"true"});
				case "resume" -> params.put("cancel_at_period_end", new String[]{"false"});
				case "switch" -> params.put("items[0][price]", new String[]{form.getOrDefault("price", "")});
				case "card" -> params.put("default_payment_method",
						new String[]{form.getOrDefault("cardNumber", "").replaceAll("\\s", "")});
				case "advance" -> {
					advance(view, form.getOrDefault("days", "1"));
					return redirect(Sandbox.PATH + "/portal/" + id);
				}
				default -> {
					return html(HttpStatus.NOT_FOUND, page("Portal", "Unknown action"));
				}
			}
			if (subscription == null) {
				throw SandboxError.invalid("resource_missing", null, "There is no subscription to change.");
			}
			if (action.equals("card") && TestCard.of(params.get("default_payment_method")[0]) == null) {
				throw SandboxError.invalid("card_invalid", null, "Use a test card such as 4242 4242 4242 4242.");
			}
			if (action.equals("switch")
					&& !Set.of("price_monthly", "price_yearly").contains(params.get("items[0][price]")[0])) {
				throw SandboxError.invalid("resource_missing", null, "Choose the monthly or the yearly plan.");
			}
			if (action.equals("resume") && "paused".equals(view.status())) {
				this.sandbox.subscriptions().resumeSubscription(subscription);
			} else {
				this.sandbox.subscriptions().updateSubscription(subscription, StripeParams.of(params,
						Set.of("cancel_at_period_end:bool", "items.#.price", "default_payment_method")));
			}
		} catch (SandboxError error) {
			return redirect(Sandbox.PATH + "/portal/" + id + "?error=" + java.net.URLEncoder
					.encode(Objects.requireNonNull(error.getMessage()), java.nio.charset.StandardCharsets.UTF_8));
		}
		return redirect(Sandbox.PATH + "/portal/" + id);
	}

	/** Moves the reader's own test clock (never one other customers live on). */
	private void advance(PortalView view, String days) {
		String clock = view.clock();
		if (clock == null) {
			throw SandboxError.invalid("resource_missing", null, "This reader has no test clock of their own.");
		}
		if (!days.matches("\\d{1,4}") || Integer.parseInt(days) < 1 || Integer.parseInt(days) > MAX_DAYS) {
			throw SandboxError.invalid("parameter_invalid_integer", "days",
					"Move the time forward by 1 to " + MAX_DAYS + " days.");
		}
		long frozen = this.sandbox.get(Model.TestClock.class, "test_clock", clock).frozenTime;
		this.sandbox.clocks().advanceClock(clock, frozen + Integer.parseInt(days) * SubscriptionLifecycle.DAY);
	}

	private static String portalPage(PortalView view, @Nullable String error, String csrf) {
		StringBuilder body = new StringBuilder("<h1>Your Newsstand membership</h1>");
		if (error != null) {
			body.append("<p id=\"error\" role=\"alert\">").append(esc(error)).append("</p>");
		}
		body.append("<p id=\"email\">").append(esc(Objects.requireNonNullElse(view.email(), ""))).append("</p>");
		if (view.subscription() == null) {
			body.append("<p id=\"status\">No subscription.</p>");
		} else {
			body.append("<p id=\"status\">").append(esc(view.plan())).append(" plan, status <b>")
					.append(esc(view.status())).append("</b>");
			if (view.periodEnd() != null) {
				body.append(view.cancelAtPeriodEnd() ? ", ends on " : ", renews on ")
						.append(DATE.format(view.periodEnd()));
			}
			body.append("</p><p id=\"card\">Card: ").append(esc(Objects.requireNonNullElse(view.card(), "none")))
					.append("</p>");
			if (view.cancelAtPeriodEnd() || "paused".equals(view.status())) {
				body.append(form(view, "resume", "Resume membership", csrf));
			} else if (!"canceled".equals(view.status())) {
				body.append(form(view, "cancel", "Cancel at end of period", csrf));
			}
			if (!"canceled".equals(view.status())) {
				String other = "price_monthly".equals(view.price()) ? "price_yearly" : "price_monthly";
				body.append(form(view, "switch", "Switch to " + (other.equals("price_yearly") ? "yearly" : "monthly"),
						csrf + "<input type=\"hidden\" id=\"price\" name=\"price\" value=\"" + other + "\">"));
				body.append(form(view, "card", "Update card", csrf
						+ "<label for=\"cardNumber\">Card number</label><input id=\"cardNumber\" name=\"cardNumber\">"));
			}
		}
		body.append("<h2>Invoices</h2><ul id=\"invoices\">");
		for (Model.Invoice invoice : view.invoices()) {
			body.append("<li>").append(DATE.format(java.time.Instant.ofEpochSecond(invoice.created))).append(": ")
					.append(money(invoice.amountDue, invoice.currency)).append(" ").append(esc(invoice.status))
					.append("</li>");
		}
		body.append("</ul><h2>Test clock</h2><form id=\"advance\" method=\"post\" action=\"").append(Sandbox.PATH)
				.append("/portal/").append(esc(view.id())).append("/advance\">").append(csrf)
				.append("<label for=\"days\">Move this reader's time forward by (days)</label>")
				.append("<input id=\"days\" name=\"days\" type=\"number\" min=\"1\" value=\"1\">")
				.append("<button id=\"advance-submit\" type=\"submit\">Advance</button></form>");
		body.append("<p><a id=\"return\" href=\"").append(esc(view.returnUrl()))
				.append("\">Return to Newsstand</a></p>");
		return page("Customer portal", body.toString());
	}

	private static String form(PortalView view, String action, String label, String fields) {
		return "<form id=\"" + action + "\" method=\"post\" action=\"" + Sandbox.PATH + "/portal/" + esc(view.id())
				+ "/" + action + "\">" + fields + "<button id=\"" + action + "-submit\" type=\"submit\">" + esc(label)
				+ "</button></form>";
	}

	private static String page(String title, String body) {
		return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
				+ " (Stripe sandbox)</title></head><body><p id=\"sandbox-banner\"><b>Stripe sandbox:</b>"
				+ " payments are simulated, no money moves.</p>" + body + "</body></html>";
	}

	private static String money(long minor, String currency) {
		return String.format(Locale.ENGLISH, "%s %d.%02d", currency.toUpperCase(Locale.ROOT), minor / 100, minor % 100);
	}

	private static String esc(@Nullable String text) {
		return (text == null) ? "" : HtmlUtils.htmlEscape(text);
	}

	private static ResponseEntity<String> html(HttpStatus status, String html) {
		return ResponseEntity.status(status)
				.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8)).body(html);
	}

	private static ResponseEntity<String> redirect(String location) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
	}

}
