package io.newsstand.web.account;

import io.newsstand.web.security.LocalPaths;
import io.newsstand.web.security.Reader;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The link in the verification e-mail, and "send the link again" on the account
 * page. Following the link does not sign anyone in: whoever created the account
 * signs in with its password, so a link opened by the owner of an address
 * someone else signed up with hands nobody a session.
 */
@Controller
class VerificationController {

	private final EmailVerification verification;

	private final AccountService accounts;

	VerificationController(EmailVerification verification, AccountService accounts) {
		this.verification = verification;
		this.accounts = accounts;
	}

	@GetMapping("/verify-email/{token}")
	String verify(@PathVariable String token, @AuthenticationPrincipal @Nullable Reader reader, Model model,
			HttpServletResponse response) {
		return switch (this.verification.confirm(token)) {
			case EmailVerification.Verified verified -> {
				String next = LocalPaths.orFrontPage(verified.next());
				yield (reader != null && reader.accountId().equals(verified.account().id()))
						? "redirect:/account?done=verified"
						: "redirect:/signin?verified&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
			}
			case EmailVerification.Invalid invalid -> {
				response.setStatus(HttpStatus.GONE.value());
				yield message(model, "This link no longer works",
						"Confirmation links work once, and only for a limited time. Sign in and ask for a new "
								+ "one on your account page.");
			}
			case EmailVerification.MailboxTaken taken -> {
				response.setStatus(HttpStatus.CONFLICT.value());
				yield message(model, "This address already has an account",
						"Another Newsstand account already confirmed " + taken.email()
								+ " (or the same mailbox under another spelling). Sign in to that account, "
								+ "or reset its password if you forgot it.");
			}
		};
	}

	@PostMapping("/account/verification")
	String resend(@AuthenticationPrincipal Reader reader) {
		return this.accounts.find(reader.accountId())
				.map(account -> account.emailVerified()
						? "redirect:/account?done=verified"
						: this.verification.send(account, "/account?done=verified")
								? "redirect:/account?done=verification-sent"
								: "redirect:/account?done=verification-limit")
				.orElse("redirect:/signin");
	}

	private static String message(Model model, String title, String message) {
		model.addAttribute("title", title);
		model.addAttribute("message", message);
		model.addAttribute("back", "/account");
		return "personal/message";
	}

}
