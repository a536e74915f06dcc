package io.newsstand.web.personal;

import io.newsstand.web.security.LocalPaths;
import io.newsstand.web.security.Reader;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Saved articles ({@code /saved}) and reading history ({@code /history}), and
 * the forms that change them.
 */
@Controller
class LibraryController {

	static final int PAGE_SIZE = 50;

	private final Library library;

	LibraryController(Library library) {
		this.library = library;
	}

	@GetMapping("/saved")
	String saved(@AuthenticationPrincipal Reader reader, @RequestParam(defaultValue = "1") String page, Model model,
			HttpServletResponse response) {
		int number = pageNumber(page);
		model.addAttribute("list",
				new ListPage(this.library.saved(reader.accountId(), (number - 1) * PAGE_SIZE, PAGE_SIZE), number,
						this.library.savedCount(reader.accountId()), PAGE_SIZE));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		return "personal/saved";
	}

	@PostMapping("/saved")
	String save(@AuthenticationPrincipal Reader reader, @RequestParam(defaultValue = "") String article,
			@RequestParam(defaultValue = "save") String action, @RequestParam(required = false) @Nullable String next,
			Model model, HttpServletResponse response) {
		String back = LocalPaths.isLocal(next) ? next : "/saved";
		if ("remove".equals(action)) {
			this.library.unsave(reader.accountId(), article);
			return "redirect:" + back;
		}
		if (!"save".equals(action)) {
			return message(HttpStatus.BAD_REQUEST, "Nothing was saved", "That is not something the save button does.",
					back, model, response);
		}
		if (!this.library.exists(article)) {
			return message(HttpStatus.BAD_REQUEST, "Nothing was saved",
					"There is no such article to save. It may have been removed.", back, model, response);
		}
		if (!this.library.save(reader.accountId(), article)) {
			return message(HttpStatus.UNPROCESSABLE_CONTENT, "Your saved list is full",
					"You have saved as many articles as there is room for. Remove one from your saved list first.",
					"/saved", model, response);
		}
		return "redirect:" + back;
	}

	@GetMapping("/history")
	String history(@AuthenticationPrincipal Reader reader, @RequestParam(defaultValue = "1") String page,
			@RequestParam(required = false) @Nullable String cleared, Model model, HttpServletResponse response) {
		int number = pageNumber(page);
		model.addAttribute("list",
				new ListPage(this.library.history(reader.accountId(), (number - 1) * PAGE_SIZE, PAGE_SIZE), number,
						this.library.historyCount(reader.accountId()), PAGE_SIZE));
		model.addAttribute("cleared", cleared != null);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		return "personal/history";
	}

	@PostMapping("/history/clear")
	String clearHistory(@AuthenticationPrincipal Reader reader, @RequestParam(defaultValue = "") String confirm,
			Model model, HttpServletResponse response) {
		if (!"yes".equals(confirm)) {
			return message(HttpStatus.BAD_REQUEST, "Your history was not cleared",
					"Tick \"Yes, clear my reading history\" to confirm, then press the button again.", "/history",
					model, response);
		}
		this.library.clearHistory(reader.accountId());
		return "redirect:/history?cleared";
	}

	private static int pageNumber(String page) {
		try {
			int number = Integer.parseInt(page);
			return (number >= 1 && number <= 1000) ? number : 1;
		} catch (NumberFormatException ex) {
			return 1;
		}
	}

	static String message(HttpStatus status, String title, String message, String back, Model model,
			HttpServletResponse response) {
		response.setStatus(status.value());
		model.addAttribute("title", title);
		model.addAttribute("message", message);
		model.addAttribute("back", back);
		return "personal/message";
	}

}
