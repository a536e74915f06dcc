package io.newsstand.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * What the bearer-token filter leaves on the request for the API's controllers.
 */
public final class ApiTokenAuthentication {

	private ApiTokenAuthentication() {
	}

	/** The bearer token of this request, for revoking it. */
	public static Optional<String> presentedToken(HttpServletRequest request) {
		return ApiTokenAuthenticationFilter.presentedToken(request);
	}

}
