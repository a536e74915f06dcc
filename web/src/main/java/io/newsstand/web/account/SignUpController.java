package io.newsstand.web.account;

import io.newsstand.web.form.Form;
import io.newsstand.web.limits.ClientAddress;
import io.newsstand.web.security.LocalPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-up: on success (and equally when the address already has an account) the
 * reader is asked to open the link e-mailed to them; the link leads to sign-in,
 * and sign-in back to where they came from, or, without a page to go back to,
 * to the onboarding picks.
 */
@Controller
class SignUpController {

	private final SignUps signUps;

	private final Clock clock;

	SignUpController(SignUps signUps, Clock clock) {
		this.signUps = signUps;
		this.clock = clock;
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
		// A reader who signed up on the way to a page goes straight there once signed
		// in; anyone else is asked to pick a few publishers and sections first.
		switch (this.signUps.signUp(email, password, ClientAddress.of(request),
				"/".equals(returnTo) ? "/start" : returnTo)) {
			case SignUps.Accepted accepted -> {
				return "redirect:/signup/sent?email=" + URLEncoder.encode(accepted.email(), StandardCharsets.UTF_8);
			}
			case SignUps.Refused refused -> {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				form = form.error(refused.field(), refused.message());
			}
			case SignUps.Throttled throttled -> {
				long seconds = throttled.secondsLeft(this.clock.instant());
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
				form = form.error("email", "Too many new accounts from your network. Try again in %d minutes."
						.formatted(Math.max(1, (seconds + 59) / 60)));
			}
		}
		model.addAttribute("form", form);
		model.addAttribute("next", returnTo);
		return "account/signup";
	}

	@GetMapping("/signup/sent")
	String sent(@RequestParam(defaultValue = "") String email, Model model) {
		model.addAttribute("email", (EmailAddress.problem(email).isEmpty()) ? AccountStore.normalise(email) : "");
		return "account/signup-sent";
	}

}
