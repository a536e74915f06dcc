package io.newsstand.aggregator.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Present only on a node that polls:
 * {@link AggregatorProperties#pollingEnabled()}. The condition reads the bound
 * record rather than the raw property, so the default lives in the record's
 * {@code @DefaultValue} alone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(ConditionalOnPolling.PollingEnabled.class)
public @interface ConditionalOnPolling {

	/** Binds {@code newsstand.aggregator.*} as the application will. */
	final class PollingEnabled extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			boolean enabled = Binder.get(context.getEnvironment())
					.bindOrCreate("newsstand.aggregator", AggregatorProperties.class).pollingEnabled();
			return enabled
					? ConditionOutcome.match("newsstand.aggregator.polling-enabled is true")
					: ConditionOutcome.noMatch("newsstand.aggregator.polling-enabled is false");
		}

	}

}
