package io.newsstand.web.layout;

import io.newsstand.web.config.WebProperties;
import io.newsstand.web.security.Hashes;
import io.newsstand.web.security.LocalPaths;
import io.newsstand.web.security.Reader;
import io.newsstand.web.settings.ReaderSettings;
import io.newsstand.web.settings.ReaderSettingsService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.env.Environment;
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

	private final ReaderSettingsService settings;

	SiteModel(WebProperties properties, Environment environment, Assets assets, ReaderSettingsService settings) {
		this.assets = assets;
		this.settings = settings;
		// Unset: simulated exactly when billing runs against its sandbox (no Stripe
		// secret key).
		Boolean configured = properties.paymentsSimulated();
		this.paymentsSimulated = (configured != null)
				? configured
				: environment.getProperty("newsstand.billing.stripe-secret-key", "").isBlank();
	}

	@ModelAttribute("site")
	public Site site(HttpServletRequest request) {
		String returnTo = returnTo(request);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Reader reader) {
			CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			return new Site(this.paymentsSimulated, reader.email(), reader.admin(),
					(csrf != null) ? csrf.getParameterName() : null, (csrf != null) ? csrf.getToken() : null, returnTo,
					this.assets, this.settings.forPage(request, reader.accountId()), deviceTag(reader.accountId()));
		}
		return anonymous(request);
	}

	/** The page as an anonymous reader sees it, whoever asks (the offline page). */
	public Site anonymous(HttpServletRequest request) {
		return new Site(this.paymentsSimulated, null, false, null, null, returnTo(request), this.assets,
				ReaderSettings.DEFAULT, "");
	}

	private static String returnTo(HttpServletRequest request) {
		String path = request.getRequestURI()
				+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		return LocalPaths.orFrontPage(path);
	}

	/**
	 * A stable name for the account on this site's pages that is not its id (the id
	 * is what remember-me and API look-ups key on).
	 */
	public static String deviceTag(String accountId) {
		return Hashes.sha256("newsstand-device:" + accountId).substring(0, 24);
	}

}
