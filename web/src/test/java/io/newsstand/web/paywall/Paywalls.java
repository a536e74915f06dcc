package io.newsstand.web.paywall;

import java.time.Clock;
import java.util.Set;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A real paywall (real meter on a real Redis) for tests outside this package:
 * the paywall's parts stay package-private.
 */
public final class Paywalls {

	private Paywalls() {
	}

	/**
	 * A paywall where the given accounts are members, every account has confirmed
	 * its address, teasers show a quarter of the words and non-members get
	 * {@code freeArticles} a month.
	 */
	public static Paywall of(StringRedisTemplate redis, Clock clock, Set<String> members, int freeArticles) {
		return new Paywall(members::contains, new ReadingMeter(redis, clock), new PaywallProperties(0.25, freeArticles),
				(account) -> true);
	}

}
