package io.newsstand.web.gift;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstand.billing.Billing;
import io.newsstand.web.account.AccountStore;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The application has one source of "now": moving the test clock moves web's,
 * billing's and the aggregator's at once.
 */
class OneClockTest extends GiftSiteTest {

	/** How far into a bean's own objects the walk looks for a time source. */
	private static final int DEPTH = 3;

	@Autowired
	Billing billing;

	@Autowired
	AccountStore accounts;

	@Test
	void movingTheOneClockEndsAGiftLinkAndATrialTogether() {
		Member member = member("one-clock");
		String link = giftFromThePage(member, "paid-6", "Alex");
		String accountId = this.accounts.idForEmail(member.email()).orElseThrow();
		assertThat(this.billing.membership(accountId).mayReadInFull()).isTrue();
		assertThat(client().get(link).statusCode()).isEqualTo(200);

		// Past the 14-day trial (and its slack) and the gift link's life; Stripe's
		// side has not moved, so only the application's clock can end the trial.
		clock.advance(Duration.ofDays(15));

		assertThat(client().get(link).statusCode()).as("web: the gift link expired").isEqualTo(410);
		assertThat(this.billing.membership(accountId).mayReadInFull()).as("billing: the trial ended").isFalse();
	}

	@Test
	void everyTimeSourceABeanHoldsIsTheOneClock() {
		Map<String, InstantSource> held = new TreeMap<>();
		Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		var beans = this.context.getBeanFactory();
		for (String name : beans.getSingletonNames()) {
			Object bean = beans.getSingleton(name);
			if (bean != null) {
				Object target = AopTestUtils.getUltimateTargetObject(bean);
				// The sandbox stands in for Stripe, whose time is its own (real time
				// or a Stripe test clock), never the application's.
				if (target.getClass().getName().startsWith("io.newsstand.stripesandbox.")) {
					continue;
				}
				collect(target, target.getClass().getName(), 0, held, seen);
			}
		}
		assertThat(held.keySet()).as("time sources found")
				.anySatisfy(path -> assertThat(path).startsWith("io.newsstand.aggregator."))
				.anySatisfy(path -> assertThat(path).startsWith("io.newsstand.billing."))
				.anySatisfy(path -> assertThat(path).startsWith("io.newsstand.web."));
		assertThat(held).allSatisfy((path, source) -> assertThat(source).as(path).isSameAs(clock));
	}

	/**
	 * Records the time sources {@code object} holds, looking into our own types.
	 */
	private static void collect(Object object, String path, int depth, Map<String, InstantSource> held,
			Set<Object> seen) {
		if (!seen.add(object)) {
			return;
		}
		ReflectionUtils.doWithFields(object.getClass(), field -> {
			ReflectionUtils.makeAccessible(field);
			Object value = field.get(object);
			String at = path + "." + field.getName();
			if (value instanceof InstantSource source) {
				held.put(at, source);
			} else if (value != null && depth < DEPTH && value.getClass().getName().startsWith("io.newsstand.")) {
				collect(value, at, depth + 1, held, seen);
			}
		}, OneClockTest::ours);
	}

	private static boolean ours(Field field) {
		return !Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()
				&& field.getDeclaringClass().getName().startsWith("io.newsstand.");
	}

}
