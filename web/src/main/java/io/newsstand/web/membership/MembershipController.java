package io.newsstand.web.membership;

import io.newsstand.billing.Billing;
import io.newsstand.billing.ChangeOutcome;
import io.newsstand.billing.CheckoutOutcome;
import io.newsstand.billing.Membership;
import io.newsstand.billing.Plan;
import io.newsstand.billing.PortalOutcome;
import io.newsstand.billing.TrialEligibility;
import io.newsstand.web.mail.PublicUrl;
import io.newsstand.web.paywall.VerifiedReaders;
import io.newsstand.web.security.Reader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The membership journey: plans, checkout on Stripe, the welcome page, and the
 * account page's self-service buttons.
 */
@Controller
class MembershipController {

	private static final Set<String> PLANS = Set.of(Plan.MONTHLY, Plan.YEARLY);

	private final Billing billing;

	private final Offer offer;

	private final PublicUrl publicUrl;

	private final Clock clock;

	private static final String VERIFY_FIRST = "Confirm your e-mail address first: open the link we e-mailed you "
			+ "(or ask for a new one on your account page). Then you can start your free trial.";

	private final VerifiedReaders verification;

	MembershipController(Billing billing, Offer offer, PublicUrl publicUrl, Clock clock, VerifiedReaders verification) {
		this.verification = verification;
		this.billing = billing;
		this.offer = offer;
		this.publicUrl = publicUrl;
		this.clock = clock;
	}

	@GetMapping("/membership")
	String plans(@AuthenticationPrincipal @Nullable Reader reader,
			@RequestParam(required = false) @Nullable String cancelled,
			@RequestParam(required = false) @Nullable String problem, Model model, HttpServletRequest request) {
		model.addAttribute("terms", this.offer.terms());
		if (reader != null) {
			TrialEligibility eligibility = this.billing.trialEligibility(reader.accountId(), reader.email());
			model.addAttribute("trial", eligibility);
			model.addAttribute("summary", MembershipSummary.of(this.billing.ownMembership(reader.accountId()),
					this.offer.terms(), this.clock.instant()));
			CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			model.addAttribute("csrfToken", (csrf != null) ? csrf.getToken() : "");
		}
		model.addAttribute("message", (cancelled != null) ? "Checkout was cancelled; nothing was charged." : null);
		model.addAttribute("error", (problem == null)
				? ((reader != null && !this.verification.verified(reader.accountId())) ? VERIFY_FIRST : null)
				: "plan".equals(problem)
						? "Choose the monthly or the yearly plan."
						: "verify".equals(problem)
								? VERIFY_FIRST
								: "Stripe is not answering just now, and nothing was charged. Please try again in a "
										+ "minute.");
		return "membership/plans";
	}

	@PostMapping("/membership/checkout")
	String checkout(@AuthenticationPrincipal Reader reader, @RequestParam(defaultValue = "") String plan,
			HttpServletRequest request) {
		if (!PLANS.contains(plan)) {
			return "redirect:/membership?problem=plan";
		}
		if (!this.verification.verified(reader.accountId())) {
			// The trial ledger keys trials by address: an unconfirmed address must not
			// spend (or reserve) the trial of whoever really owns it.
			return "redirect:/membership?problem=verify";
		}
		CheckoutOutcome outcome = this.billing.startCheckout(reader.accountId(), reader.email(), plan,
				this.publicUrl.forRequest(request, "/membership/welcome?session_id={CHECKOUT_SESSION_ID}"),
				this.publicUrl.forRequest(request, "/membership?cancelled"));
		return switch (outcome) {
			case CheckoutOutcome.Redirect hosted -> "redirect:" + hosted.url();
			case CheckoutOutcome.SendToPortal portal -> "redirect:/account?done=already-member";
			case CheckoutOutcome.TryAgain tryAgain -> "redirect:/membership?problem=try-again";
		};
	}

	@GetMapping("/membership/welcome")
	String welcome(@AuthenticationPrincipal Reader reader,
			@RequestParam(name = "session_id", defaultValue = "") String sessionId, Model model,
			HttpServletResponse response) {
		ChangeOutcome outcome = sessionId.isBlank()
				? new ChangeOutcome.Refused("This page needs a checkout.")
				: this.billing.completeCheckout(reader.accountId(), sessionId);
		Membership membership = switch (outcome) {
			case ChangeOutcome.Done done -> done.membership();
			case ChangeOutcome.Refused refused -> {
				model.addAttribute("problem", refused.reason());
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				yield this.billing.membership(reader.accountId());
			}
			case ChangeOutcome.TryAgain tryAgain -> {
				model.addAttribute("problem",
						tryAgain.message()
								+ " Your payment details are safe with Stripe; this page will show your membership once"
								+ " Stripe confirms it.");
				yield this.billing.membership(reader.accountId());
			}
		};
		model.addAttribute("summary", MembershipSummary.of(membership, this.offer.terms(), this.clock.instant()));
		return "membership/welcome";
	}

	/** The link in the trial reminder: one button away from cancelling. */
	@GetMapping("/membership/cancel")
	String confirmCancel(@AuthenticationPrincipal Reader reader, Model model) {
		model.addAttribute("summary", MembershipSummary.of(this.billing.membership(reader.accountId()),
				this.offer.terms(), this.clock.instant()));
		return "membership/cancel";
	}

	/**
	 * The account page's buttons. The outcome travels as a code in the query string
	 * (the account page words it), so no session write is needed.
	 */
	@PostMapping("/account/membership/{action}")
	String change(@AuthenticationPrincipal Reader reader, @PathVariable String action,
			@RequestParam(required = false) @Nullable String plan, HttpServletRequest request) {
		String accountId = reader.accountId();
		if ("portal".equals(action)) {
			return switch (this.billing.portal(accountId, this.publicUrl.forRequest(request, "/account"))) {
				case PortalOutcome.Redirect portal -> "redirect:" + portal.url();
				case PortalOutcome.NoCustomer none -> "redirect:/account?done=no-billing";
				case PortalOutcome.TryAgain tryAgain -> "redirect:/account?done=try-again";
			};
		}
		ChangeOutcome outcome = switch (action) {
			case "cancel" -> this.billing.cancelAtPeriodEnd(accountId);
			case "resume" -> this.billing.resume(accountId);
			case "end-trial" -> this.billing.endTrialNow(accountId);
			case "switch" -> (plan != null && PLANS.contains(plan))
					? this.billing.switchPlan(accountId, plan)
					: new ChangeOutcome.Refused("Choose the monthly or the yearly plan.");
			default -> new ChangeOutcome.Refused("That is not something a membership can do.");
		};
		return switch (outcome) {
			case ChangeOutcome.Done done -> "redirect:/account?done=" + switch (action) {
				case "cancel" -> "cancelled";
				case "resume" -> "resumed";
				case "end-trial" -> "trial-ended";
				default -> "switched";
			};
			case ChangeOutcome.Refused refused -> "redirect:/account?done=refused";
			case ChangeOutcome.TryAgain tryAgain -> "redirect:/account?done=try-again";
		};
	}

}
