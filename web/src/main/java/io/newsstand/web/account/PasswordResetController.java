package io.newsstand.web.account;

import io.newsstand.web.form.Form;
import io.newsstand.web.limits.ClientAddress;
import io.newsstand.web.security.SignIns;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot your password?": the request form, the e-mailed link, the new
 * password. The request page answers the same whether or not the address has an
 * account, so it cannot be used to find out who reads Newsstand.
 */
@Controller
class PasswordResetController {

	private final AccountStore store;

	private final AccountService accounts;

	private final PasswordResets resets;

	private final PasswordResetLimit limit;

	private final SignIns signIns;

	PasswordResetController(AccountStore store, AccountService accounts, PasswordResets resets,
			PasswordResetLimit limit, SignIns signIns) {
		this.store = store;
		this.accounts = accounts;
		this.resets = resets;
		this.limit = limit;
		this.signIns = signIns;
	}

	@GetMapping("/password-reset")
	String requestForm(CsrfToken csrf, Model model) {
		model.addAttribute("form", Form.empty(csrf));
		return "account/reset-request";
	}

	@PostMapping("/password-reset")
	String request(@RequestParam(defaultValue = "") String email, CsrfToken csrf, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Optional<String> problem = EmailAddress.problem(email);
		if (problem.isPresent()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("form",
					Form.empty(csrf).with("email", (email.length() <= EmailAddress.MAX_LENGTH) ? email.strip() : "")
							.error("email", problem.get()));
			return "account/reset-request";
		}
		Instant retryAt = this.limit.requestFrom(ClientAddress.of(request));
		if (retryAt != null) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("form",
					Form.empty(csrf).with("email", AccountStore.normalise(email)).error("email",
							"Too many reset requests from your network. Try again in %d minutes."
									.formatted(this.limit.minutesUntil(retryAt))));
			return "account/reset-request";
		}
		// The page says the same as always: it must not tell who has an account.
		this.resets.request(email);
		model.addAttribute("form", Form.empty(csrf).with("email", AccountStore.normalise(email)));
		model.addAttribute("sent", true);
		return "account/reset-request";
	}

	@GetMapping("/password-reset/{token}")
	String newPasswordForm(@PathVariable String token, CsrfToken csrf, Model model, HttpServletResponse response) {
		if (this.resets.peek(token).isEmpty()) {
			response.setStatus(HttpStatus.GONE.value());
			return "account/reset-invalid";
		}
		model.addAttribute("form", Form.empty(csrf));
		model.addAttribute("token", token);
		return "account/reset-form";
	}

	@PostMapping("/password-reset/{token}")
	String setPassword(@PathVariable String token, @RequestParam(defaultValue = "") String password, CsrfToken csrf,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		Optional<Account> account = this.resets.peek(token).flatMap(this.store::findById);
		if (account.isEmpty()) {
			response.setStatus(HttpStatus.GONE.value());
			return "account/reset-invalid";
		}
		Optional<String> problem = this.accounts.passwordProblem(password, account.get().email());
		if (problem.isPresent()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("form", Form.empty(csrf).error("password", problem.get()));
			model.addAttribute("token", token);
			return "account/reset-form";
		}
		if (this.resets.redeem(token).isEmpty()) {
			response.setStatus(HttpStatus.GONE.value());
			return "account/reset-invalid";
		}
		this.accounts.resetPassword(account.get(), password);
		this.signIns.endOtherSessions(account.get().id(), request);
		return "redirect:/signin?reset=done";
	}

}
