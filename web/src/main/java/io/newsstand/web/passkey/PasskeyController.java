package io.newsstand.web.passkey;

import io.newsstand.web.form.Form;
import io.newsstand.web.security.Reader;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reader's passkeys page (under {@code /account}, so signed-in readers
 * only): adds one through Spring Security's WebAuthn endpoints (from
 * {@code /js/passkeys.js}), lists them, removes one with a plain form.
 */
@Controller
class PasskeyController {

	private final RedisPasskeys passkeys;

	PasskeyController(RedisPasskeys passkeys) {
		this.passkeys = passkeys;
	}

	@GetMapping("/account/passkeys")
	String passkeys(@AuthenticationPrincipal Reader reader, @RequestParam(required = false) @Nullable String done,
			CsrfToken csrf, Model model) {
		model.addAttribute("passkeys", this.passkeys.list(reader.accountId()).stream().map(PasskeyRow::of).toList());
		model.addAttribute("form", Form.empty(csrf));
		model.addAttribute("notice", (done == null) ? null : switch (done) {
			case "added" -> "Your passkey is saved. Next time, sign in with it instead of your password.";
			case "removed" -> "The passkey is removed: it no longer signs in to your account.";
			default -> "That passkey was already removed.";
		});
		return "passkey/passkeys";
	}

	@PostMapping("/account/passkeys/{id}/delete")
	String remove(@AuthenticationPrincipal Reader reader, @PathVariable String id) {
		return this.passkeys.remove(reader.accountId(), id)
				? "redirect:/account/passkeys?done=removed"
				: "redirect:/account/passkeys?done=unknown";
	}

}
