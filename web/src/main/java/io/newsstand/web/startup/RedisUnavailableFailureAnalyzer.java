package io.newsstand.web.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.data.redis.RedisConnectionFailureException;

/**
 * Any start-up step that could not reach Redis is reported as a setting
 * problem, not a stack trace.
 */
class RedisUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<RedisConnectionFailureException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RedisConnectionFailureException cause) {
		return new FailureAnalysis("Redis could not be reached while starting: " + cause.getMessage(),
				"Check newsstand.redis.url (NEWSSTAND_REDIS_URL), or unset it to use the embedded Redis.", cause);
	}

}
