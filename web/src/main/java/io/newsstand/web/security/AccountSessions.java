package io.newsstand.web.security;

import io.newsstand.web.redis.WebKeys;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Remembers which sessions each account signed in to (the Redis session store
 * cannot be searched by account), so that a password change, a password reset
 * or a deletion ends every other session of that account at once: whoever held
 * the old password is signed out everywhere.
 */
@Component
class AccountSessions {

	private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

	/** Long enough for any live session; each sign-in renews it. */
	private static final Duration KEEP = Duration.ofDays(90);

	/**
	 * Past this many ids, those of sessions that ended on their own are dropped.
	 */
	private static final int TRIM_ABOVE = 50;

	private final StringRedisTemplate redis;

	private final SessionRepository<? extends Session> sessions;

	AccountSessions(StringRedisTemplate redis, SessionRepository<? extends Session> sessions) {
		this.redis = redis;
		this.sessions = sessions;
	}

	/**
	 * Sign-in by form or remember-me cookie: the session now belongs to the reader.
	 */
	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof Reader reader
				&& RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpSession session = attributes.getRequest().getSession(false);
			if (session != null) {
				register(reader.accountId(), session.getId());
			}
		}
	}

	void register(String accountId, String sessionId) {
		String key = WebKeys.accountSessions(accountId);
		Long count = this.redis.opsForSet().add(key, sessionId);
		this.redis.expire(key, KEEP);
		if (count != null && count > 0 && sizeOf(key) > TRIM_ABOVE) {
			for (String id : members(key)) {
				if (this.sessions.findById(id) == null) {
					this.redis.opsForSet().remove(key, id);
				}
			}
		}
	}

	/**
	 * Ends every session of the account except {@code keep} (the reader's own, when
	 * they changed the password themselves), returning how many ended.
	 */
	int endAllExcept(String accountId, @Nullable String keep) {
		String key = WebKeys.accountSessions(accountId);
		int ended = 0;
		for (String id : members(key)) {
			if (!id.equals(keep)) {
				this.sessions.deleteById(id);
				ended++;
			}
		}
		this.redis.delete(key);
		if (keep != null) {
			register(accountId, keep);
		}
		if (ended > 0) {
			log.info("Ended {} other session(s) of account {}", ended, accountId);
		}
		return ended;
	}

	private Set<String> members(String key) {
		Set<String> members = this.redis.opsForSet().members(key);
		return (members != null) ? members : Set.of();
	}

	private long sizeOf(String key) {
		Long size = this.redis.opsForSet().size(key);
		return (size != null) ? size : 0;
	}

}
