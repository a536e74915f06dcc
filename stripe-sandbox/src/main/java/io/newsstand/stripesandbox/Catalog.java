package io.newsstand.stripesandbox;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The sandbox's product and prices: one membership product with monthly and
 * yearly euro prices (the lookup keys billing asks for) and dollar prices
 * beside them.
 */
final class Catalog {

	private static final Logger log = LoggerFactory.getLogger(Catalog.class);

	static final String MONTHLY_LOOKUP_KEY = "newsstand_monthly";

	static final String YEARLY_LOOKUP_KEY = "newsstand_yearly";

	private final SandboxStore store;

	private final SandboxEvents events;

	Catalog(SandboxStore store, SandboxEvents events) {
		this.store = store;
		this.events = events;
	}

	/**
	 * Creates the catalog once per Redis (whichever node comes first), and takes
	 * over the one-document state earlier versions saved.
	 */
	void seed(StringRedisTemplate redis) {
		String legacy = redis.opsForValue().get(SandboxKeys.LEGACY_STATE);
		this.events.change(events -> {
			if (this.store.find("prod_newsstand") != null) {
				return null;
			}
			if (legacy != null) {
				SandboxState.legacy(legacy).entrySet().stream().sorted(Map.Entry.<Object, Long>comparingByValue())
						.forEach(entry -> this.store.put(SandboxStore.idOf(entry.getKey()), entry.getKey()));
				if (this.store.find("prod_newsstand") != null) {
					return null;
				}
			}
			Model.Product product = new Model.Product();
			product.id = "prod_newsstand";
			product.name = "Newsstand Membership";
			product.created = this.store.realNow();
			this.store.put(product.id, product);
			this.store.put("price_monthly",
					price("price_monthly", product, MONTHLY_LOOKUP_KEY, "Monthly", 900, "month"));
			this.store.put("price_yearly", price("price_yearly", product, YEARLY_LOOKUP_KEY, "Yearly", 9000, "year"));
			return null;
		});
		if (legacy != null) {
			redis.delete(SandboxKeys.LEGACY_STATE);
			log.info("Stripe sandbox: the state saved as {} now lives in per-object keys", SandboxKeys.LEGACY_STATE);
		}
	}

	/**
	 * Dollar prices beside the euro plans (a catalog with two currencies, as
	 * payouts by currency need), added to stores seeded before they existed.
	 */
	void seedDollarPrices() {
		this.events.change(events -> {
			Model.Product product = this.store.get(Model.Product.class, "product", "prod_newsstand");
			for (String interval : new String[]{"month", "year"}) {
				String id = "price_" + interval + "ly_usd";
				if (this.store.find(id) == null) {
					Model.Price price = price(id, product, "member_" + interval + "ly_usd",
							interval.equals("month") ? "Monthly (USD)" : "Yearly (USD)",
							interval.equals("month") ? 1000 : 10000, interval);
					price.currency = "usd";
					this.store.put(id, price);
				}
			}
			return null;
		});
	}

	private Model.Price price(String id, Model.Product product, String lookupKey, String nickname, long amount,
			String interval) {
		Model.Price price = new Model.Price();
		price.id = id;
		price.product = product.id;
		price.lookupKey = lookupKey;
		price.nickname = nickname;
		price.unitAmount = amount;
		price.interval = interval;
		price.created = product.created;
		return price;
	}

}
