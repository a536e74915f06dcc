package io.newsstand.web.security;

import io.newsstand.web.account.Account;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a reader in or out from a controller (after sign-up, after an e-mail
 * change, after deletion) the way the sign-in form does: a fresh session id and
 * a fresh CSRF token.
 */
@Component
public class SignIns {

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	private final CsrfTokenRepository csrfTokens;

	SignIns(CsrfTokenRepository csrfTokens) {
		this.csrfTokens = csrfTokens;
	}

	public void signIn(Account account, HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		this.csrfTokens.saveToken(null, request, response);
		store(account, request, response);
	}

	/**
	 * Puts the account as it is now (new address, new password hash) into the
	 * session.
	 */
	public void refresh(Account account, HttpServletRequest request, HttpServletResponse response) {
		store(account, request, response);
	}

	public void signOut(HttpServletRequest request, HttpServletResponse response) {
		new SecurityContextLogoutHandler().logout(request, response, this.contexts.getContext().getAuthentication());
		this.csrfTokens.saveToken(null, request, response);
	}

	private void store(Account account, HttpServletRequest request, HttpServletResponse response) {
		Reader reader = Reader.of(account);
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(reader, null, reader.getAuthorities()));
		this.contexts.setContext(context);
		this.repository.saveContext(context, request, response);
	}

}
