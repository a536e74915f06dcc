package io.newsstand.web.payouts;

import io.newsstand.web.redis.PayoutKeys;
import io.newsstand.web.redis.WindowCounter;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A member's views of their payouts in fixed windows, counted with the shared
 * {@link WindowCounter#take} (one key per member and window, expiring with it).
 */
@Component
class PayoutViewLimit {

	private static final Logger log = LoggerFactory.getLogger(PayoutViewLimit.class);

	private final WindowCounter counters;

	private final Clock clock;

	private final PayoutViewLimitProperties limits;

	PayoutViewLimit(WindowCounter counters, Clock clock, PayoutViewLimitProperties limits) {
		this.counters = counters;
		this.clock = clock;
		this.limits = limits;
	}

	/**
	 * Counts one view; {@code null} when it may go ahead, else the seconds until
	 * the member may look again (for {@code Retry-After}).
	 */
	@Nullable
	Long take(String accountId) {
		WindowCounter.Take take = this.counters.take(window -> PayoutKeys.views(accountId, window),
				this.limits.requests(), this.limits.window(), this.clock.millis());
		if (take.allowed()) {
			return null;
		}
		if (take.firstRefusal()) {
			log.info("Payout view limit reached by account {} (window {})", accountId, take.window());
		}
		return take.retryAfterSeconds();
	}

}
