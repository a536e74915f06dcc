package io.newsstand.billing.internal;

import io.newsstand.billing.Plan;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The monthly and yearly plans as Stripe prices, resolved from configuration
 * (price id or lookup key) and cached for a few minutes.
 */
@Component
class Plans {

	private static final Duration TTL = Duration.ofMinutes(10);

	private final StripeGateway stripe;

	private final BillingProperties properties;

	private final InstantSource clock;

	private volatile @Nullable Cached cached;

	Plans(StripeGateway stripe, BillingProperties properties, ObjectProvider<InstantSource> clock) {
		this.stripe = stripe;
		this.properties = properties;
		this.clock = clock.getIfAvailable(InstantSource::system);
	}

	private record Cached(Map<String, StripeRecords.Price> prices, Instant at) {
	}

	private Map<String, StripeRecords.Price> prices() {
		Cached current = this.cached;
		Instant now = this.clock.instant();
		if (current == null || now.isAfter(current.at().plus(TTL))) {
			Map<String, StripeRecords.Price> prices = new LinkedHashMap<>();
			prices.put(Plan.MONTHLY, this.stripe.price(this.properties.monthlyPrice()));
			prices.put(Plan.YEARLY, this.stripe.price(this.properties.yearlyPrice()));
			current = new Cached(prices, now);
			this.cached = current;
		}
		return current.prices();
	}

	List<Plan> all() {
		return prices().entrySet().stream().map(entry -> new Plan(entry.getKey(), entry.getValue().productName(),
				entry.getValue().amount(), entry.getValue().currency(), entry.getValue().interval())).toList();
	}

	StripeRecords.Price price(String plan) {
		StripeRecords.Price price = prices().get(plan);
		if (price == null) {
			throw new IllegalArgumentException("Unknown plan '" + plan + "'; expected monthly or yearly");
		}
		return price;
	}

	/** The plan a price belongs to, or null for a price that is not ours. */
	@Nullable
	String planOf(@Nullable String priceId) {
		for (Map.Entry<String, StripeRecords.Price> entry : prices().entrySet()) {
			if (entry.getValue().id().equals(priceId)) {
				return entry.getKey();
			}
		}
		return null;
	}

}
