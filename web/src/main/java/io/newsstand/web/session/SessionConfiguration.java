package io.newsstand.web.session;

import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.data.redis.RedisSessionRepository;

/**
 * Puts {@link TouchThrottlingSessionRepository} in front of the Redis session
 * repository that Spring Boot configures (namespace, timeout and serialisation
 * stay Boot's), so Spring Session's filter uses the wrapper.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	static final String TOUCH_INTERVAL = "newsstand.web.session-touch-interval";

	@Bean
	static BeanPostProcessor touchThrottlingSessionRepositoryWrapper(Environment environment) {
		Duration touchInterval = Binder.get(environment).bind(TOUCH_INTERVAL, Duration.class)
				.orElse(Duration.ofMinutes(5));
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof RedisSessionRepository redis)
						? new TouchThrottlingSessionRepository(redis, touchInterval)
						: bean;
			}
		};
	}

}
