package io.newsstand.testing;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.RedisTemplate;

/**
 * Puts a {@link SingleSlotScriptExecutor} on every {@code RedisTemplate} of
 * every Spring context a test starts (registered in
 * {@code META-INF/spring.factories}, so each module's tests get it from
 * test-support alone): a script whose keys span Cluster slots fails the test on
 * the embedded server, as it would fail on a Redis Cluster.
 */
public final class SingleSlotScriptsInitializer
		implements
			ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof RedisTemplate<?, ?> template) {
					install(template);
				}
				return bean;
			}

		});
	}

	static <K> void install(RedisTemplate<K, ?> template) {
		template.setScriptExecutor(new SingleSlotScriptExecutor<>(template));
	}

}
