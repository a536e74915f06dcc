package io.newsstand.web.personal;

import io.newsstand.web.security.Reader;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds {@link PersonalMarks} as the model attribute {@code personal} to every
 * page, so any template can include {@code personal/save-button} or
 * {@code personal/follow-button}.
 */
@ControllerAdvice(annotations = Controller.class)
class PersonalModel {

	private final Follows follows;

	private final SavedArticles saved;

	PersonalModel(Follows follows, SavedArticles saved) {
		this.follows = follows;
		this.saved = saved;
	}

	@ModelAttribute("personal")
	PersonalMarks personal(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String accountId = (authentication != null && authentication.getPrincipal() instanceof Reader reader)
				? reader.accountId()
				: null;
		return new PersonalMarks(accountId, this.follows, this.saved, request);
	}

}
