package io.newsstand.web.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Wraps Spring Session's Redis repository so that a request that only reads its
 * session costs one Redis round trip (the load) instead of three (load, then a
 * write of the last-access time and a new expiry on every request). The
 * last-access time is written when it is more than {@code touchInterval} old,
 * or with any other change (an attribute, a new id, a new session). A session
 * therefore expires between {@code timeout - touchInterval} and {@code timeout}
 * after the reader's last request.
 */
final class TouchThrottlingSessionRepository
		implements
			SessionRepository<TouchThrottlingSessionRepository.TrackedSession> {

	private final SessionRepository<Session> delegate;

	private final Duration touchInterval;

	@SuppressWarnings("unchecked")
	TouchThrottlingSessionRepository(SessionRepository<? extends Session> delegate, Duration touchInterval) {
		this.delegate = (SessionRepository<Session>) delegate;
		this.touchInterval = touchInterval;
	}

	@Override
	public TrackedSession createSession() {
		return new TrackedSession(this.delegate.createSession(), true);
	}

	@Override
	public void save(TrackedSession session) {
		if (session.mustBeSaved(this.touchInterval)) {
			this.delegate.save(session.delegate);
			session.saved();
		}
	}

	@Override
	public @Nullable TrackedSession findById(String id) {
		Session session = this.delegate.findById(id);
		return (session != null) ? new TrackedSession(session, false) : null;
	}

	@Override
	public void deleteById(String id) {
		this.delegate.deleteById(id);
	}

	/** A session that knows whether anything but its last-access time changed. */
	static final class TrackedSession implements Session {

		private final Session delegate;

		private boolean isNew;

		private boolean changed;

		private Instant savedLastAccess;

		TrackedSession(Session delegate, boolean isNew) {
			this.delegate = delegate;
			this.isNew = isNew;
			this.savedLastAccess = delegate.getLastAccessedTime();
		}

		boolean mustBeSaved(Duration touchInterval) {
			return this.isNew || this.changed || Duration
					.between(this.savedLastAccess, this.delegate.getLastAccessedTime()).compareTo(touchInterval) >= 0;
		}

		void saved() {
			this.isNew = false;
			this.changed = false;
			this.savedLastAccess = this.delegate.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return this.delegate.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.delegate.changeSessionId();
		}

		@Override
		public <T> @Nullable T getAttribute(String attributeName) {
			return this.delegate.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.delegate.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, @Nullable Object attributeValue) {
			this.changed = true;
			this.delegate.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.changed = true;
			this.delegate.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.delegate.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			this.delegate.setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.delegate.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.changed = true;
			this.delegate.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.delegate.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.delegate.isExpired();
		}

	}

}
