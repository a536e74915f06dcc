package io.newsstand.stripesandbox;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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

	/** The most days the portal moves a reader's clock at once. */
	static final int MAX_DAYS = 400;

	private static final Logger log = LoggerFactory.getLogger(SandboxPages.class);

	private final SandboxResources sandbox;

	private final InstantSource clock;

	/**
	 * The module's own templates, precompiled into this package by
	 * jte-maven-plugin.
	 */
	private final TemplateEngine templates = TemplateEngine.createPrecompiled(null, ContentType.Html,
			SandboxPages.class.getClassLoader(), SandboxPages.class.getPackageName());

	SandboxPages(SandboxResources sandbox) {
		this.sandbox = sandbox;
		this.clock = InstantSource.system();
	}

	@GetMapping("/checkout/{id}")
	ResponseEntity<String> checkout(@PathVariable String id, HttpServletRequest request) {
		CheckoutView view = checkoutFor(id, request);
		return html(HttpStatus.OK, "checkout.jte",
				HostedPageModels.checkoutPage(this.clock.instant(), view, Map.of(), Map.of(), null, request));
	}

	@PostMapping("/checkout/{id}")
	ResponseEntity<String> pay(@PathVariable String id, @RequestParam Map<String, String> form,
			HttpServletRequest request) {
		CheckoutView view = checkoutFor(id, request);
		Map<String, String> typed = new HashMap<>(form);
		typed.keySet().retainAll(Set.of("email", "cardNumber", "cardExpiry", "billingName"));
		String card = CardCheck.digits(form.getOrDefault("cardNumber", ""));
		if (card.isEmpty() && view.cardOptional()) {
			return complete(view, null, typed, request);
		}
		Map<String, String> problems = CardCheck.problems(card, form.getOrDefault("cardExpiry", ""),
				form.getOrDefault("cardCvc", ""), YearMonth.now(this.clock.withZone(ZoneOffset.UTC)));
		if (problems.isEmpty() && TestCard.of(card) == null) {
			problems = Map.of("cardNumber", "Use a test card: 4242 4242 4242 4242 (succeeds) or"
					+ " 4000 0000 0000 0341 (fails at the first charge).");
		}
		if (!problems.isEmpty()) {
			log.info("Stripe sandbox: checkout {} refused the card form: {}", id, problems.keySet());
			return html(HttpStatus.BAD_REQUEST, "checkout.jte",
					HostedPageModels.checkoutPage(this.clock.instant(), view, typed, problems, null, request));
		}
		return complete(view, card, typed, request);
	}

	private ResponseEntity<String> complete(CheckoutView view, @Nullable String card, Map<String, String> typed,
			HttpServletRequest request) {
		try {
			this.sandbox.checkout().completeSession(view.id(), card);
		} catch (SandboxError error) {
			// A declined card: said beside the number, as Checkout does, keeping the rest
			// of the form; the number goes, as the reader will type another card.
			log.info("Stripe sandbox: checkout {} declined the card: {}", view.id(), error.getMessage());
			Map<String, String> kept = new HashMap<>(typed);
			kept.remove("cardNumber");
			Map<String, String> problems = error.getMessage() != null && card != null
					? Map.of("cardNumber", error.getMessage())
					: Map.of();
			return html(HttpStatus.PAYMENT_REQUIRED, "checkout.jte", HostedPageModels.checkoutPage(this.clock.instant(),
					view, kept, problems, (card == null) ? error.getMessage() : null, request));
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
		return html(status, "refused.jte", Map.of("title", status.getReasonPhrase(), "message",
				Objects.requireNonNullElse(error.getMessage(), status.getReasonPhrase())));
	}

	@GetMapping("/portal/{id}")
	ResponseEntity<String> portal(@PathVariable String id, @RequestParam(required = false) @Nullable String error,
			HttpServletRequest request) {
		return html(HttpStatus.OK, "portal.jte", HostedPageModels.portalPage(portalFor(id, request), error, request));
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
					return html(HttpStatus.NOT_FOUND, "refused.jte",
							Map.of("title", "Not Found", "message", "Unknown action"));
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
			return redirect(Sandbox.PATH + "/portal/" + id + "?error="
					+ URLEncoder.encode(Objects.requireNonNull(error.getMessage()), StandardCharsets.UTF_8));
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

	/** Renders a template; autoescaping (HTML content type) escapes every value. */
	private ResponseEntity<String> html(HttpStatus status, String template, Object model) {
		StringOutput output = new StringOutput();
		if (model instanceof Map<?, ?> params) {
			@SuppressWarnings("unchecked")
			Map<String, Object> named = (Map<String, Object>) params;
			this.templates.render(template, named, output);
		} else {
			this.templates.render(template, model, output);
		}
		// no-store: a page holds the reader's e-mail and what they typed; a shared
		// computer's back button or a cache must not show it again.
		return ResponseEntity.status(status).cacheControl(CacheControl.noStore())
				.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(output.toString());
	}

	private static ResponseEntity<String> redirect(String location) {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
	}

}
