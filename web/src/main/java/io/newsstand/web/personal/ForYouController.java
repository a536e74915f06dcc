package io.newsstand.web.personal;

import io.newsstand.web.security.Reader;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "For you": the signed-in reader's ranked list; anonymous readers are asked to
 * sign in.
 */
@Controller
class ForYouController {

	private final ForYou forYou;

	ForYouController(ForYou forYou) {
		this.forYou = forYou;
	}

	@GetMapping("/for-you")
	String forYou(@AuthenticationPrincipal @Nullable Reader reader, Model model, HttpServletResponse response) {
		model.addAttribute("feed", (reader != null) ? this.forYou.feed(reader.accountId()) : null);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		return "personal/for-you";
	}

}
