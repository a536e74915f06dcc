package io.newsstand.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Gives a test class a real Redis of its own: a freshly emptied database of
 * {@link RedisTestServer}, injectable as {@link RedisTestDatabase},
 * {@link RedisConnectionFactory} or {@link StringRedisTemplate} into test
 * constructors, lifecycle methods and test methods. The database is emptied
 * again after the class.
 */
public final class RedisExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RedisExtension.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		lease(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Lease lease = context.getStore(NAMESPACE).remove(Lease.class, Lease.class);
		if (lease != null) {
			lease.factory().destroy();
			lease.database().flush();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == RedisTestDatabase.class || type == RedisConnectionFactory.class
				|| type == LettuceConnectionFactory.class || type == StringRedisTemplate.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Lease lease = lease(context);
		Class<?> type = parameter.getParameter().getType();
		if (type == RedisTestDatabase.class) {
			return lease.database();
		}
		if (type == StringRedisTemplate.class) {
			return lease.template();
		}
		return lease.factory();
	}

	private static Lease lease(ExtensionContext context) {
		ExtensionContext classContext = context;
		while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
			classContext = classContext.getParent().get();
		}
		return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(Lease.class, key -> {
			RedisTestDatabase database = RedisTestServer.get().leaseDatabase();
			LettuceConnectionFactory factory = database.connectionFactory();
			return new Lease(database, factory, database.template(factory));
		}, Lease.class);
	}

	private record Lease(RedisTestDatabase database, LettuceConnectionFactory factory, StringRedisTemplate template) {
	}

}
