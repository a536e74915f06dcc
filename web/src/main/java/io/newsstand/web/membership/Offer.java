package io.newsstand.web.membership;

import io.newsstand.billing.Billing;
import io.newsstand.billing.Plan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The membership offer every join box shows (trial length, prices), kept for a
 * few minutes so that an anonymous article page costs no billing call.
 */
@Component
public class Offer {

	private static final Logger log = LoggerFactory.getLogger(Offer.class);

	private static final Duration KEEP = Duration.ofMinutes(5);

	private final Billing billing;

	private final Clock clock;

	private volatile @Nullable Terms terms;

	private volatile Instant fetchedAt = Instant.EPOCH;

	Offer(Billing billing, Clock clock) {
		this.billing = billing;
		this.clock = clock;
	}

	/**
	 * What is offered.
	 *
	 * @param trialDays
	 *            length of the free trial for first-time readers
	 * @param plans
	 *            the plans with their prices (empty when Stripe could not be asked)
	 */
	public record Terms(int trialDays, List<PlanPrice> plans) {

		public @Nullable PlanPrice plan(String id) {
			return this.plans.stream().filter(plan -> plan.id().equals(id)).findFirst().orElse(null);
		}

		/** "€9.00 a month", or a plain invitation when prices are unknown. */
		public String monthlyPrice() {
			PlanPrice monthly = plan(Plan.MONTHLY);
			return (monthly != null) ? monthly.price() + " a month" : "a monthly price";
		}

	}

	/** A plan as pages show it. */
	public record PlanPrice(String id, String name, String price, String interval, long amount, String currency) {
	}

	public Terms terms() {
		Terms current = this.terms;
		Instant now = this.clock.instant();
		if (current != null && now.isBefore(this.fetchedAt.plus(KEEP))) {
			return current;
		}
		Terms fresh = fetch(current);
		this.terms = fresh;
		this.fetchedAt = now;
		return fresh;
	}

	private Terms fetch(@Nullable Terms previous) {
		int trialDays = this.billing.trialEligibility("offer", "").trialDays();
		try {
			List<PlanPrice> plans = this.billing.plans().stream().map(plan -> new PlanPrice(plan.id(), plan.name(),
					Money.format(plan.amount(), plan.currency()), plan.interval(), plan.amount(), plan.currency()))
					.toList();
			return new Terms(trialDays, plans);
		} catch (RuntimeException ex) {
			log.warn("Could not read the plans from Stripe; join boxes show no price for now: {}", ex.getMessage());
			return (previous != null) ? previous : new Terms(trialDays, List.of());
		}
	}

}
