package io.newsstand.stripesandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Profile;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Active only when the app's billing has no Stripe secret key and may run
 * without one: no key, no {@code require-stripe}, no {@code prod} profile. With
 * a real key, or in production, the sandbox has no beans and no routes.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(ConditionalOnStripeSandbox.SandboxMayRun.class)
@Profile("!prod")
@interface ConditionalOnStripeSandbox {

	/**
	 * Reads the settings through {@link SandboxProperties}, so their defaults live
	 * in the record's {@code @DefaultValue}s and nowhere else.
	 */
	final class SandboxMayRun extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			SandboxProperties properties = Binder.get(context.getEnvironment()).bindOrCreate("newsstand.billing",
					SandboxProperties.class);
			if (properties.stripeKeyConfigured()) {
				return ConditionOutcome.noMatch("newsstand.billing.stripe-secret-key is set: billing talks to Stripe");
			}
			if (properties.requireStripe()) {
				return ConditionOutcome.noMatch("newsstand.billing.require-stripe is true");
			}
			return ConditionOutcome.match("no Stripe secret key and none required");
		}

	}

}
