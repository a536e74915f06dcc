package io.newsstand.web.frontpage;

import io.newsstand.web.redis.WebKeys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The editors' picks ("Our Picks"), one Redis hash. Picks are few (tens), so
 * the whole hash is read at once; expired picks are dropped when read. Every
 * change publishes {@link PicksChanged}, which recomputes the front page, and
 * tells the other web nodes ({@link PicksBroadcast}).
 */
@Component
public class Picks {

	/** Picks kept at most: the editor page and the front page stay small. */
	static final int MAX = 50;

	private final StringRedisTemplate redis;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Picks(StringRedisTemplate redis, Clock clock, ApplicationEventPublisher events) {
		this.redis = redis;
		this.clock = clock;
		this.events = events;
	}

	/** The picks that have not expired, in order (then oldest pick first). */
	public List<Pick> current() {
		Instant now = this.clock.instant();
		List<Pick> picks = new ArrayList<>();
		List<Object> expired = new ArrayList<>();
		for (Map.Entry<Object, Object> entry : this.redis.opsForHash().entries(WebKeys.picks()).entrySet()) {
			Pick pick = Pick.decode((String) entry.getKey(), (String) entry.getValue());
			if (pick.expiresAt().isAfter(now)) {
				picks.add(pick);
			} else {
				expired.add(entry.getKey());
			}
		}
		if (!expired.isEmpty()) {
			this.redis.opsForHash().delete(WebKeys.picks(), expired.toArray());
		}
		picks.sort(Comparator.comparingInt(Pick::order).thenComparing(Pick::pickedAt));
		return picks;
	}

	public Optional<Pick> find(String articleId) {
		return current().stream().filter(pick -> pick.articleId().equals(articleId)).findFirst();
	}

	/**
	 * Picks an article, or changes an existing pick's order and expiry. Without an
	 * order it goes to the end.
	 *
	 * @return false when the picks are full or the expiry has passed
	 */
	public boolean pick(String articleId, @Nullable Integer order, Instant expiresAt, String editorId) {
		Instant now = this.clock.instant();
		if (!expiresAt.isAfter(now)) {
			return false;
		}
		List<Pick> current = current();
		Optional<Pick> existing = current.stream().filter(pick -> pick.articleId().equals(articleId)).findFirst();
		if (existing.isEmpty() && current.size() >= MAX) {
			return false;
		}
		int position = (order != null)
				? order
				: existing.map(Pick::order).orElseGet(() -> current.stream().mapToInt(Pick::order).max().orElse(0) + 1);
		Pick pick = new Pick(articleId, position, expiresAt, existing.map(Pick::pickedBy).orElse(editorId),
				existing.map(Pick::pickedAt).orElse(now));
		this.redis.opsForHash().put(WebKeys.picks(), articleId, pick.encode());
		changed(articleId);
		return true;
	}

	/** Removes a pick; answers whether there was one. */
	public boolean unpick(String articleId) {
		boolean removed = this.redis.opsForHash().delete(WebKeys.picks(), articleId) > 0;
		changed(articleId);
		return removed;
	}

	/** This node at once, the others through Redis pub/sub. */
	private void changed(String articleId) {
		this.events.publishEvent(new PicksChanged(articleId));
		this.redis.convertAndSend(WebKeys.picksChangedChannel(), articleId);
	}

}
