package io.newsstand.testing;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points a Spring test context at a database of its own on the test Redis,
 * through {@code newsstand.redis.url} (and Boot's own
 * {@code spring.data.redis.*} for module tests that do not run the app's
 * connection configuration). Use with
 * {@code @ContextConfiguration(initializers = RedisTestContextInitializer.class)}.
 */
public final class RedisTestContextInitializer
		implements
			ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		RedisTestDatabase database = RedisTestServer.get().leaseDatabase();
		TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "newsstand.redis.url=" + database.url(),
				"spring.data.redis.url=" + database.url());
	}

}
