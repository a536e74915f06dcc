package io.newsstand.aggregator.internal;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;

/**
 * Lets tests of other packages wire the whole aggregator as the app does: every
 * internal package's configuration is package-private, so this finds them the
 * way the app's component scan does (configurations only, no controllers).
 */
public final class AggregatorTestAccess {

	private AggregatorTestAccess() {
	}

	public static Class<?> configuration() {
		return AllConfigurations.class;
	}

	@Configuration(proxyBeanMethods = false)
	@ComponentScan(basePackageClasses = AggregatorConfiguration.class, useDefaultFilters = false, includeFilters = @Filter(Configuration.class))
	static class AllConfigurations {

	}

}
