package io.newsstand.web.layout;

import io.newsstand.web.security.LocalPaths;
import io.newsstand.web.security.Reader;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds {@link Site} as the model attribute {@code site} to every page.
 */
@ControllerAdvice
public class SiteModel {

	private final boolean paymentsSimulated;

	private final Assets assets;

	SiteModel(WebProperties properties, org.springframework.core.env.Environment environment, Assets assets) {
		this.assets = assets;
		// Unset: simulated exactly when billing runs against its sandbox (no Stripe
		// secret key).
		Boolean configured = properties.paymentsSimulated();
		this.paymentsSimulated = (configured != null)
				? configured
				: environment.getProperty("newsstand.billing.stripe-secret-key", "").isBlank();
	}

	@ModelAttribute("site")
	public Site site(HttpServletRequest request) {
		String path = request.getRequestURI()
				+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		String returnTo = LocalPaths.orFrontPage(path);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Reader reader) {
			CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			return new Site(this.paymentsSimulated, reader.email(), reader.admin(),
					(csrf != null) ? csrf.getParameterName() : null, (csrf != null) ? csrf.getToken() : null, returnTo,
					this.assets);
		}
		return new Site(this.paymentsSimulated, null, false, null, null, returnTo, this.assets);
	}

}
