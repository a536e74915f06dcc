package io.newsstand.web.account;

import io.newsstand.web.form.Form;
import io.newsstand.web.security.LocalPaths;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page; Spring Security's form login handles the POST.
 */
@Controller
class SignInController {

	@GetMapping("/signin")
	String signIn(@RequestParam(required = false) @Nullable String next,
			@RequestParam(required = false) @Nullable String error,
			@RequestParam(required = false, defaultValue = "15") long minutes,
			@RequestParam(required = false) @Nullable String reset,
			@RequestParam(required = false) @Nullable String verified, CsrfToken csrf, Model model) {
		model.addAttribute("form", Form.empty(csrf));
		model.addAttribute("next", LocalPaths.orFrontPage(next));
		model.addAttribute("message", message(error, minutes));
		model.addAttribute("notice",
				(reset != null)
						? "Your new password is saved. Sign in with it."
						: (verified != null) ? "Your e-mail address is confirmed. Sign in to start reading." : null);
		return "account/signin";
	}

	static @Nullable String message(@Nullable String error, long minutes) {
		if (error == null) {
			return null;
		}
		String wait = (minutes <= 1) ? "a minute" : minutes + " minutes";
		return switch (error) {
			case "throttled-account" -> "Too many failed attempts to sign in to this account. For its safety, "
					+ "sign-in is paused for " + wait + ". If you forgot your password, reset it below.";
			case "throttled-address" ->
				"Too many failed sign-in attempts from your network. Please wait " + wait + " before trying again.";
			default -> "That e-mail address and password do not match an account. Check both and try again.";
		};
	}

}
