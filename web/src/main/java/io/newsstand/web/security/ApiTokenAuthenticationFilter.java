package io.newsstand.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} on the API, for this
 * request only (nothing is stored in a session). A token that is unknown,
 * revoked or expired is answered 401 at once, so an app learns to ask for a new
 * one instead of silently reading as an anonymous reader.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	static final String PRESENTED_TOKEN = ApiTokenAuthenticationFilter.class.getName() + ".token";

	private final ApiTokens tokens;

	private final AccountLookup accounts;

	private final ProblemWriter problems;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	ApiTokenAuthenticationFilter(ApiTokens tokens, AccountLookup accounts, ProblemWriter problems) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		String token = header.substring(7).strip();
		Optional<Reader> reader = token.isEmpty() || token.length() > 100
				? Optional.empty()
				: this.tokens.accountFor(token).flatMap(this.accounts::findById).map(Reader::of);
		if (reader.isEmpty()) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"invalid_token\", error_description=\"The token is unknown, revoked or expired\"");
			this.problems.write(request, response, HttpStatus.UNAUTHORIZED,
					"The bearer token is unknown, revoked or expired. Ask for a new one at POST /api/v1/auth/token.");
			return;
		}
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(reader.get(), null, reader.get().getAuthorities()));
		this.contexts.setContext(context);
		request.setAttribute(PRESENTED_TOKEN, token);
		try {
			chain.doFilter(request, response);
		} finally {
			this.contexts.clearContext();
		}
	}

	/** The bearer token of this request, for revoking it. */
	public static Optional<String> presentedToken(HttpServletRequest request) {
		return Optional.ofNullable((String) request.getAttribute(PRESENTED_TOKEN));
	}

}
