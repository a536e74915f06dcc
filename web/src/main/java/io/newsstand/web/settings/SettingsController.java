package io.newsstand.web.settings;

import io.newsstand.web.form.Form;
import io.newsstand.web.security.Reader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The settings page: text size and theme, one form (CSRF-protected like every
 * form). The page after saving is already drawn with the new settings.
 */
@Controller
class SettingsController {

	private final ReaderSettingsService settings;

	SettingsController(ReaderSettingsService settings) {
		this.settings = settings;
	}

	@GetMapping("/settings")
	String page(@AuthenticationPrincipal Reader reader, CsrfToken csrf, Model model,
			@RequestParam(required = false) @Nullable String saved) {
		model.addAttribute("page",
				new SettingsPage(Form.empty(csrf), this.settings.find(reader.accountId()), saved != null));
		return "settings/settings";
	}

	@PostMapping("/settings")
	String save(@AuthenticationPrincipal Reader reader, CsrfToken csrf,
			@RequestParam(name = "textSize", required = false) @Nullable String textSize,
			@RequestParam(name = "theme", required = false) @Nullable String theme, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<ReaderSettings.TextSize> size = ReaderSettings.TextSize.of(String.valueOf(textSize));
		Optional<ReaderSettings.Theme> chosen = ReaderSettings.Theme.of(String.valueOf(theme));
		if (size.isEmpty() || chosen.isEmpty()) {
			Form form = Form.empty(csrf);
			if (size.isEmpty()) {
				form = form.error("textSize", "Choose one of the text sizes shown.");
			}
			if (chosen.isEmpty()) {
				form = form.error("theme", "Choose one of the themes shown.");
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("page", new SettingsPage(form, this.settings.find(reader.accountId()), false));
			return "settings/settings";
		}
		this.settings.update(reader.accountId(), new ReaderSettings(size.get(), chosen.get()),
				request.getSession(false));
		return "redirect:/settings?saved";
	}

}
