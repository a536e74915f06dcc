package io.newsstand.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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

	private final AccountSessions sessions;

	SignIns(CsrfTokenRepository csrfTokens, AccountSessions sessions) {
		this.csrfTokens = csrfTokens;
		this.sessions = sessions;
	}

	public void signIn(SignInAccount account, HttpServletRequest request, HttpServletResponse response) {
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
	public void refresh(SignInAccount account, HttpServletRequest request, HttpServletResponse response) {
		store(account, request, response);
	}

	/**
	 * Ends every session of the account but the one of this request (after a
	 * password change, a reset or a deletion): whoever else held the old password
	 * is signed out.
	 */
	public void endOtherSessions(String accountId, HttpServletRequest request) {
		HttpSession current = request.getSession(false);
		this.sessions.endAllExcept(accountId, (current != null) ? current.getId() : null);
	}

	/** Ends every session of a deleted account; nothing of it stays in Redis. */
	public void endAllSessions(String accountId) {
		this.sessions.endAllExcept(accountId, null);
	}

	public void signOut(HttpServletRequest request, HttpServletResponse response) {
		new SecurityContextLogoutHandler().logout(request, response, this.contexts.getContext().getAuthentication());
		this.csrfTokens.saveToken(null, request, response);
	}

	private void store(SignInAccount account, HttpServletRequest request, HttpServletResponse response) {
		Reader reader = Reader.of(account);
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(reader, null, reader.getAuthorities()));
		this.contexts.setContext(context);
		this.repository.saveContext(context, request, response);
		HttpSession session = request.getSession(false);
		if (session != null) {
			this.sessions.register(account.id(), session.getId());
		}
	}

}
