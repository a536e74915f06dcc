package io.newsstand.web.redis;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when no external Redis is configured, so the embedded one is started.
 */
class EmbeddedRedisCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String url = context.getEnvironment().getProperty(RedisUrl.PROPERTY);
		boolean blank = url == null || url.isBlank();
		return new ConditionOutcome(blank == wantsEmbedded(),
				blank ? RedisUrl.PROPERTY + " is blank" : RedisUrl.PROPERTY + " names an external Redis");
	}

	boolean wantsEmbedded() {
		return true;
	}

	/** The opposite: an external Redis is configured. */
	static class External extends EmbeddedRedisCondition {

		@Override
		boolean wantsEmbedded() {
			return false;
		}

	}

}
