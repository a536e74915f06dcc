package io.newsstand.web.redis;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Which Redis the app uses: {@code newsstand.redis.url} (the shorthand for one
 * server), else Spring Boot's own {@code spring.data.redis.*} (a URL, a Cluster
 * node list or Sentinel), else the embedded server. This class matches the
 * embedded case; its nested classes the other two.
 */
class EmbeddedRedisCondition extends SpringBootCondition {

	/**
	 * Spring Boot settings that name a Redis; any of them set means Boot builds the
	 * connection.
	 */
	static final List<String> SPRING_PROPERTIES = List.of("spring.data.redis.url", "spring.data.redis.host",
			"spring.data.redis.cluster.nodes", "spring.data.redis.sentinel.master", "spring.data.redis.sentinel.nodes");

	enum Mode {

		EMBEDDED, SHORTHAND, SPRING

	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Mode mode = mode(context.getEnvironment());
		return new ConditionOutcome(mode == wanted(), "Redis from " + describe(mode));
	}

	Mode wanted() {
		return Mode.EMBEDDED;
	}

	static Mode mode(Environment environment) {
		if (hasText(environment, RedisUrl.PROPERTY)) {
			return Mode.SHORTHAND;
		}
		return SPRING_PROPERTIES.stream().anyMatch(property -> hasText(environment, property))
				? Mode.SPRING
				: Mode.EMBEDDED;
	}

	static boolean hasText(Environment environment, String property) {
		String value = environment.getProperty(property);
		return value != null && !value.isBlank();
	}

	private static String describe(Mode mode) {
		return switch (mode) {
			case EMBEDDED -> "the embedded server (" + RedisUrl.PROPERTY + " and spring.data.redis.* are blank)";
			case SHORTHAND -> RedisUrl.PROPERTY;
			case SPRING -> "spring.data.redis.*";
		};
	}

	/** {@code newsstand.redis.url} names one external server. */
	static class External extends EmbeddedRedisCondition {

		@Override
		Mode wanted() {
			return Mode.SHORTHAND;
		}

	}

	/**
	 * Spring Boot's {@code spring.data.redis.*} name the Redis (standalone, Cluster
	 * or Sentinel).
	 */
	static class Spring extends EmbeddedRedisCondition {

		@Override
		Mode wanted() {
			return Mode.SPRING;
		}

	}

}
