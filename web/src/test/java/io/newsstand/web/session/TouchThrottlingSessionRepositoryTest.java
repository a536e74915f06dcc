package io.newsstand.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

class TouchThrottlingSessionRepositoryTest {

	private final List<String> saves = new ArrayList<>();

	private final MapSessionRepository store = new MapSessionRepository(new ConcurrentHashMap<>()) {
		@Override
		public void save(MapSession session) {
			TouchThrottlingSessionRepositoryTest.this.saves.add(session.getId());
			super.save(session);
		}
	};

	private final TouchThrottlingSessionRepository repository = new TouchThrottlingSessionRepository(this.store,
			Duration.ofMinutes(5));

	private String newSession(Instant at) {
		var session = this.repository.createSession();
		session.setLastAccessedTime(at);
		session.setAttribute("reader", "ann");
		this.repository.save(session);
		return session.getId();
	}

	@Test
	void aRequestThatOnlyReadsItsSessionWritesNothing() {
		Instant start = Instant.now().minusSeconds(1);
		String id = newSession(start);
		this.saves.clear();
		var session = this.repository.findById(id);
		session.setLastAccessedTime(start.plusSeconds(30));
		assertThat((String) session.getAttribute("reader")).isEqualTo("ann");
		this.repository.save(session);
		assertThat(this.saves).isEmpty();
	}

	@Test
	void theLastAccessTimeIsWrittenOnceItIsOlderThanTheInterval() {
		Instant start = Instant.now().minusSeconds(1);
		String id = newSession(start);
		this.saves.clear();
		var session = this.repository.findById(id);
		session.setLastAccessedTime(start.plus(Duration.ofMinutes(5)));
		this.repository.save(session);
		assertThat(this.saves).containsExactly(id);
		assertThat(this.store.findById(id).getLastAccessedTime()).isEqualTo(start.plus(Duration.ofMinutes(5)));
	}

	@Test
	void anyOtherChangeIsWrittenAtOnce() {
		Instant start = Instant.now().minusSeconds(1);
		String id = newSession(start);
		this.saves.clear();
		var session = this.repository.findById(id);
		session.setAttribute("reader", "bea");
		this.repository.save(session);
		var renamed = this.repository.findById(id);
		String newId = renamed.changeSessionId();
		this.repository.save(renamed);
		assertThat(this.saves).hasSize(2);
		assertThat((String) this.store.findById(newId).getAttribute("reader")).isEqualTo("bea");
	}

	@Test
	void aNewSessionIsAlwaysWritten() {
		newSession(Instant.now());
		assertThat(this.saves).hasSize(1);
	}

}
