package io.newsstand.web.settings;

import io.newsstand.web.redis.WebKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Component;

/**
 * Reader settings for pages: the signed-in reader's settings travel in the
 * session, which every signed-in page loads anyway, so applying them costs no
 * Redis command. The first page of a session reads them once from the store; a
 * change writes the store and every session the account is signed in to (the
 * set {@code AccountSessions} keeps), so another device shows the new settings
 * on its next page.
 */
@Component
public class ReaderSettingsService {

	private static final Logger log = LoggerFactory.getLogger(ReaderSettingsService.class);

	static final String SESSION_ATTRIBUTE = "newsstand.reader-settings";

	/**
	 * The settings with the account they belong to, so that a session reused by
	 * another account (sign-in while signed in keeps the session's attributes)
	 * never shows the first one's settings.
	 */
	record Held(String accountId, ReaderSettings settings) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

	}

	private final ReaderSettingsStore store;

	private final StringRedisTemplate redis;

	private final SessionRepository<Session> sessions;

	@SuppressWarnings("unchecked")
	ReaderSettingsService(ReaderSettingsStore store, StringRedisTemplate redis,
			SessionRepository<? extends Session> sessions) {
		this.store = store;
		this.redis = redis;
		this.sessions = (SessionRepository<Session>) sessions;
	}

	/** The settings a page applies: the defaults for an anonymous reader. */
	public ReaderSettings forPage(HttpServletRequest request, @Nullable String accountId) {
		if (accountId == null) {
			return ReaderSettings.DEFAULT;
		}
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Held held
				&& held.accountId().equals(accountId)) {
			return held.settings();
		}
		ReaderSettings settings = this.store.find(accountId);
		if (session != null) {
			session.setAttribute(SESSION_ATTRIBUTE, new Held(accountId, settings));
		}
		return settings;
	}

	/** The stored settings (for the API and the settings page). */
	public ReaderSettings find(String accountId) {
		return this.store.find(accountId);
	}

	/**
	 * Stores the settings and puts them in every session of the account: the
	 * current one directly (its request saves it), the others through the session
	 * store.
	 */
	public void update(String accountId, ReaderSettings settings, @Nullable HttpSession current) {
		this.store.save(accountId, settings);
		Held held = new Held(accountId, settings);
		if (current != null) {
			current.setAttribute(SESSION_ATTRIBUTE, held);
		}
		Set<String> ids = this.redis.opsForSet().members(WebKeys.accountSessions(accountId));
		int updated = 0;
		for (String id : (ids != null) ? ids : Set.<String>of()) {
			if (current != null && id.equals(current.getId())) {
				continue;
			}
			Session session = this.sessions.findById(id);
			if (session != null) {
				session.setAttribute(SESSION_ATTRIBUTE, held);
				this.sessions.save(session);
				updated++;
			}
		}
		log.info("Reader settings of account {} changed to {} / {} ({} other session(s) updated)", accountId,
				settings.textSize().code(), settings.theme().code(), updated);
	}

}
