package io.newsstand.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * After sign-in, back to the page the reader came from ({@code next}), if it is
 * a path on this site; otherwise the front page.
 */
class ReturnToPageSuccessHandler implements AuthenticationSuccessHandler {

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		response.sendRedirect(LocalPaths.orFrontPage(request.getParameter("next")));
	}

}
