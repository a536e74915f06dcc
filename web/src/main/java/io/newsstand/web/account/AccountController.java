package io.newsstand.web.account;

import io.newsstand.billing.Billing;
import io.newsstand.web.form.Form;
import io.newsstand.web.membership.MembershipSummary;
import io.newsstand.web.membership.Offer;
import io.newsstand.web.paywall.Paywall;
import io.newsstand.web.security.ApiTokens;
import io.newsstand.web.security.Reader;
import io.newsstand.web.security.SignIns;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
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
 * The account page and its forms: change e-mail, change password, sign out
 * connected apps, delete the account.
 */
@Controller
class AccountController {

	private final AccountService accounts;

	private final ApiTokens tokens;

	private final SignIns signIns;

	private final Billing billing;

	private final Offer offer;

	private final Paywall paywall;

	private final Clock clock;

	AccountController(AccountService accounts, ApiTokens tokens, SignIns signIns, Billing billing, Offer offer,
			Paywall paywall, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.signIns = signIns;
		this.billing = billing;
		this.offer = offer;
		this.paywall = paywall;
		this.clock = clock;
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal Reader reader, @RequestParam(required = false) @Nullable String welcome,
			@RequestParam(required = false) @Nullable String done, CsrfToken csrf, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Account account = current(reader, request, response);
		if (account == null) {
			return "redirect:/signin";
		}
		String notice = (welcome != null)
				? "Welcome to Newsstand. Your account is ready."
				: (done != null) ? notice(done) : null;
		return page(account, Form.empty(csrf), Form.empty(csrf), Form.empty(csrf), notice, model);
	}

	@PostMapping("/account/email")
	String changeEmail(@AuthenticationPrincipal Reader reader, @RequestParam(defaultValue = "") String newEmail,
			@RequestParam(defaultValue = "") String emailPassword, CsrfToken csrf, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Account account = current(reader, request, response);
		if (account == null) {
			return "redirect:/signin";
		}
		Form form = Form.empty(csrf).with("newEmail",
				(newEmail.length() <= EmailAddress.MAX_LENGTH) ? newEmail.strip() : "");
		switch (this.accounts.changeEmail(account, emailPassword, newEmail)) {
			case AccountService.Done done -> {
				this.signIns.refresh(done.account(), request, response);
				return "redirect:/account?done=email";
			}
			case AccountService.Refused refused -> form = form
					.error("currentPassword".equals(refused.field()) ? "emailPassword" : "newEmail", refused.message());
			case AccountService.EmailTaken taken ->
				form = form.error("newEmail", "Another account already uses this address.");
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(account, form, Form.empty(csrf), Form.empty(csrf), null, model);
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal Reader reader,
			@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword, CsrfToken csrf, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Account account = current(reader, request, response);
		if (account == null) {
			return "redirect:/signin";
		}
		Form form = Form.empty(csrf);
		switch (this.accounts.changePassword(account, currentPassword, newPassword, null)) {
			case AccountService.Done done -> {
				this.signIns.refresh(done.account(), request, response);
				this.signIns.endOtherSessions(account.id(), request);
				return "redirect:/account?done=password";
			}
			case AccountService.Refused refused ->
				form = form.error("currentPassword".equals(refused.field()) ? "currentPassword" : "newPassword",
						refused.message());
			case AccountService.EmailTaken taken ->
				throw new IllegalStateException("A password change took an address");
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(account, Form.empty(csrf), form, Form.empty(csrf), null, model);
	}

	@PostMapping("/account/tokens/{tokenId}/revoke")
	String revokeToken(@AuthenticationPrincipal Reader reader, @PathVariable String tokenId) {
		if (!this.tokens.revoke(reader.accountId(), tokenId)) {
			return "redirect:/account?done=token-unknown";
		}
		return "redirect:/account?done=token";
	}

	@PostMapping("/account/delete")
	String delete(@AuthenticationPrincipal Reader reader, @RequestParam(defaultValue = "") String deletePassword,
			CsrfToken csrf, Model model, HttpServletRequest request, HttpServletResponse response) {
		Account account = current(reader, request, response);
		if (account == null) {
			return "redirect:/signin";
		}
		if (this.accounts.delete(account, deletePassword) instanceof AccountService.Refused refused) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(account, Form.empty(csrf), Form.empty(csrf),
					Form.empty(csrf).error("deletePassword", refused.message()), null, model);
		}
		this.signIns.endAllSessions(account.id());
		this.signIns.signOut(request, response);
		return "redirect:/?deleted";
	}

	private @Nullable Account current(Reader reader, HttpServletRequest request, HttpServletResponse response) {
		Account account = this.accounts.find(reader.accountId()).orElse(null);
		if (account == null) {
			// Deleted in another session: this one ends too.
			this.signIns.signOut(request, response);
		}
		return account;
	}

	private String page(Account account, Form emailForm, Form passwordForm, Form deleteForm, @Nullable String notice,
			Model model) {
		MembershipSummary membership = MembershipSummary.of(this.billing.ownMembership(account.id()),
				this.offer.terms(), this.clock.instant());
		model.addAttribute("page", new AccountPage(account.email(), account.createdAt(), this.tokens.list(account.id()),
				membership, this.paywall.freeArticlesLeft(account.id()), account.emailVerified()));
		model.addAttribute("emailForm", emailForm);
		model.addAttribute("passwordForm", passwordForm);
		model.addAttribute("deleteForm", deleteForm);
		model.addAttribute("notice", notice);
		return "account/account";
	}

	private static @Nullable String notice(String done) {
		return switch (done) {
			case "email" -> "Your e-mail address is changed. Sign in with the new one from now on, and open the link "
					+ "we sent to it to confirm it.";
			case "password" -> "Your password is changed. Apps signed in with the old one were signed out.";
			case "token" -> "The app is signed out.";
			case "verified" -> "Your e-mail address is confirmed.";
			case "verification-sent" -> "We sent you a new link: open it to confirm your address.";
			case "verification-limit" -> "We already sent you several links this hour: please use the latest one.";
			case "token-unknown" -> "That app was already signed out.";
			case "cancelled" -> "Your membership is cancelled. You keep reading until the end of the period you have.";
			case "resumed" -> "Your membership continues.";
			case "trial-ended" -> "Your trial has ended and your membership has started.";
			case "switched" -> "Your plan is switched.";
			case "already-member" -> "You already have a membership: change it here or under \"Manage billing\".";
			case "no-billing" -> "There is no billing to manage yet: start a membership first.";
			case "refused" -> "That change is not possible in your membership's current state.";
			case "try-again" -> "Stripe is not answering just now, so nothing changed. Please try again in a minute.";
			default -> null;
		};
	}

}
