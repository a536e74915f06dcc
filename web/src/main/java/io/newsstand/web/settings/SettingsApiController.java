package io.newsstand.web.settings;

import io.newsstand.web.api.ApiProblem;
import io.newsstand.web.security.Reader;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The reader's settings for apps: the same ones the web pages apply. */
@RestController
class SettingsApiController {

	private final ReaderSettingsService settings;

	SettingsApiController(ReaderSettingsService settings) {
		this.settings = settings;
	}

	record SettingsJson(@Nullable String textSize, @Nullable String theme) {

		static SettingsJson of(ReaderSettings settings) {
			return new SettingsJson(settings.textSize().code(), settings.theme().code());
		}

	}

	@GetMapping("/api/v1/me/settings")
	SettingsJson get(@AuthenticationPrincipal Reader reader) {
		return SettingsJson.of(this.settings.find(reader.accountId()));
	}

	/** Both fields are required: a PUT replaces the settings whole. */
	@PutMapping("/api/v1/me/settings")
	SettingsJson put(@AuthenticationPrincipal Reader reader, @RequestBody SettingsJson body,
			HttpServletRequest request) {
		Optional<ReaderSettings.TextSize> size = ReaderSettings.TextSize.of(String.valueOf(body.textSize()));
		Optional<ReaderSettings.Theme> theme = ReaderSettings.Theme.of(String.valueOf(body.theme()));
		Map<String, String> errors = new LinkedHashMap<>();
		if (size.isEmpty()) {
			errors.put("textSize", "One of small, medium, large, larger.");
		}
		if (theme.isEmpty()) {
			errors.put("theme", "One of system, light, dark.");
		}
		if (!errors.isEmpty()) {
			throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "These settings are not ones Newsstand knows.",
					errors);
		}
		ReaderSettings updated = new ReaderSettings(size.get(), theme.get());
		this.settings.update(reader.accountId(), updated, null);
		return SettingsJson.of(updated);
	}

}
