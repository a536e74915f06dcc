package io.newsstand.web.membership;

import io.newsstand.billing.Billing;
import io.newsstand.billing.CheckoutOutcome;
import io.newsstand.billing.Membership;
import io.newsstand.billing.MembershipState;
import io.newsstand.billing.Plan;
import io.newsstand.billing.PortalOutcome;
import io.newsstand.web.api.ApiProblem;
import io.newsstand.web.mail.PublicUrl;
import io.newsstand.web.paywall.Paywall;
import io.newsstand.web.paywall.VerifiedReaders;
import io.newsstand.web.security.Reader;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in reader's membership for apps: state, checkout and portal.
 */
@RestController
class MembershipApiController {

	private final Billing billing;

	private final Paywall paywall;

	private final PublicUrl publicUrl;

	private final Clock clock;

	private final VerifiedReaders verification;

	MembershipApiController(Billing billing, Paywall paywall, PublicUrl publicUrl, Clock clock,
			VerifiedReaders verification) {
		this.verification = verification;
		this.billing = billing;
		this.paywall = paywall;
		this.publicUrl = publicUrl;
		this.clock = clock;
	}

	/**
	 * {@code updateCard}: a payment failed (or a trial ended without a card) and
	 * the way on is the billing portal, opened with {@code POST portal}.
	 */
	record MembershipJson(String state, @Nullable String plan, @Nullable Instant trialEndsAt,
			@Nullable Integer daysLeft, @Nullable Instant currentPeriodEnd, boolean cancelAtPeriodEnd,
			boolean trialEligible, @Nullable Integer freeArticlesLeft, boolean mayReadInFull, String reason,
			boolean updateCard, @Nullable String portal) {
	}

	record CheckoutRequest(@Nullable String plan) {
	}

	record UrlJson(String url) {
	}

	@GetMapping("/api/v1/me/membership")
	MembershipJson membership(@AuthenticationPrincipal Reader reader) {
		Membership membership = this.billing.ownMembership(reader.accountId());
		Integer daysLeft = (membership.trialEndsAt() != null && membership.state() == MembershipState.TRIALING)
				? Membership.daysLeft(this.clock.instant(), membership.trialEndsAt())
				: null;
		int left = this.paywall.freeArticlesLeft(reader.accountId());
		return new MembershipJson(MembershipSummary.code(membership.state()), membership.plan(),
				membership.trialEndsAt(), daysLeft, membership.currentPeriodEnd(), membership.cancelAtPeriodEnd(),
				this.verification.verified(reader.accountId())
						&& this.billing.trialEligibility(reader.accountId(), reader.email()).eligible(),
				(left >= 0) ? left : null, membership.mayReadInFull(), membership.reason(), membership.updateCard(),
				membership.updateCard() ? "/api/v1/me/portal" : null);
	}

	@PostMapping("/api/v1/me/checkout")
	UrlJson checkout(@AuthenticationPrincipal Reader reader, @RequestBody CheckoutRequest request,
			HttpServletRequest http) {
		String plan = request.plan();
		if (!Plan.MONTHLY.equals(plan) && !Plan.YEARLY.equals(plan)) {
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "plan must be \"monthly\" or \"yearly\".");
		}
		if (!this.verification.verified(reader.accountId())) {
			throw new ApiProblem(HttpStatus.FORBIDDEN,
					"Confirm your e-mail address first: open the link we e-mailed you. Then start the checkout.");
		}
		return switch (this.billing.startCheckout(reader.accountId(), reader.email(), plan,
				this.publicUrl.forRequest(http, "/membership/welcome?session_id={CHECKOUT_SESSION_ID}"),
				this.publicUrl.forRequest(http, "/membership?cancelled"))) {
			case CheckoutOutcome.Redirect hosted -> new UrlJson(hosted.url());
			case CheckoutOutcome.SendToPortal portal -> throw new ApiProblem(HttpStatus.CONFLICT, portal.reason());
			case CheckoutOutcome.TryAgain tryAgain ->
				throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, tryAgain.message());
		};
	}

	@PostMapping("/api/v1/me/portal")
	UrlJson portal(@AuthenticationPrincipal Reader reader, HttpServletRequest http) {
		return switch (this.billing.portal(reader.accountId(), this.publicUrl.forRequest(http, "/account"))) {
			case PortalOutcome.Redirect redirect -> new UrlJson(redirect.url());
			case PortalOutcome.NoCustomer none -> throw new ApiProblem(HttpStatus.CONFLICT,
					"There is no billing to manage yet: start a membership first.");
			case PortalOutcome.TryAgain tryAgain ->
				throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, tryAgain.message());
		};
	}

}
