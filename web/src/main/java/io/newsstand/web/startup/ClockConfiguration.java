package io.newsstand.web.startup;

import java.time.Clock;
import java.time.InstantSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one source of "now": web's rules (token expiry, reset
 * links, rate-limit windows, meters) inject it as a {@link Clock}, aggregator
 * and billing as an {@link InstantSource}. It lives here, in the module that
 * assembles the application, because aggregator and billing do not depend on
 * each other; their own configurations fall back to the system clock only in
 * test contexts that start them without web. Tests replace it.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	@ConditionalOnMissingBean(InstantSource.class)
	Clock clock() {
		return Clock.systemUTC();
	}

}
