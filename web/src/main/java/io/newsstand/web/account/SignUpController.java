package io.newsstand.web.account;

import io.newsstand.web.layout.Form;
import io.newsstand.web.security.LocalPaths;
import io.newsstand.web.security.SignIns;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-up: on success the reader is signed in and sent back to where they came
 * from, or, without a page to go back to, to the onboarding picks.
 */
@Controller
class SignUpController {

	private final AccountService accounts;

	private final SignIns signIns;

	SignUpController(AccountService accounts, SignIns signIns) {
		this.accounts = accounts;
		this.signIns = signIns;
	}

	@GetMapping("/signup")
	String form(@RequestParam(required = false) @Nullable String next, CsrfToken csrf, Model model) {
		model.addAttribute("form", Form.empty(csrf));
		model.addAttribute("next", LocalPaths.orFrontPage(next));
		return "account/signup";
	}

	@PostMapping("/signup")
	String signUp(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
			@RequestParam(required = false) @Nullable String next, CsrfToken csrf, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		String returnTo = LocalPaths.orFrontPage(next);
		Form form = Form.empty(csrf).with("email", (email.length() <= EmailAddress.MAX_LENGTH) ? email.strip() : "");
		switch (this.accounts.signUp(email, password)) {
			case AccountService.Done done -> {
				this.signIns.signIn(done.account(), request, response);
				// A reader who signed up on the way to a page goes straight there; anyone else
				// is asked to pick a few publishers and sections first (skippable).
				return "redirect:" + ("/".equals(returnTo) ? "/start" : returnTo);
			}
			case AccountService.Refused refused -> form = form.error(refused.field(), refused.message());
			case AccountService.EmailTaken taken -> form = form.error("email",
					"An account already uses this address. Sign in instead, or reset your password.");
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("form", form);
		model.addAttribute("next", returnTo);
		return "account/signup";
	}

}
