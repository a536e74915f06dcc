package io.newsstand.web.session;

import io.newsstand.web.config.WebProperties;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.data.redis.RedisSessionRepository;

/**
 * Puts {@link TouchThrottlingSessionRepository} in front of the Redis session
 * repository that Spring Boot configures (namespace and timeout stay Boot's),
 * so Spring Session's filter uses the wrapper, and gives it
 * {@link SessionAttributeSerializer} for the attributes.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	/**
	 * Spring Session takes the serializer of session attributes from a bean of this
	 * name.
	 */
	@Bean
	RedisSerializer<Object> springSessionDefaultRedisSerializer() {
		return new SessionAttributeSerializer(SessionConfiguration.class.getClassLoader());
	}

	@Bean
	static BeanPostProcessor touchThrottlingSessionRepositoryWrapper(Environment environment) {
		// Bound here, not injected: a BeanPostProcessor is created before other beans.
		// Binding the record keeps the default in WebProperties.
		Duration touchInterval = Binder.get(environment).bindOrCreate("newsstand.web", WebProperties.class)
				.sessionTouchInterval();
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
