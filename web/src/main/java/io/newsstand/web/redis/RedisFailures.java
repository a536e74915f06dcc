package io.newsstand.web.redis;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisLoadingException;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisPipelineException;

/**
 * Tells "Redis cannot be reached right now" apart from every other failure, in
 * whatever wrapping it arrives: Spring's translated exceptions, Lettuce's own
 * (a command rejected while disconnected, a connection closed under a command,
 * a server still loading its data) and the socket's ("Connection reset"), also
 * when they are collected by a pipeline.
 */
public final class RedisFailures {

	private RedisFailures() {
	}

	/**
	 * The failure that makes {@code failure} an outage, or null when it is not one.
	 */
	public static @Nullable Throwable unavailable(@Nullable Throwable failure) {
		return unavailable(failure, false);
	}

	private static @Nullable Throwable unavailable(@Nullable Throwable failure, boolean fromRedis) {
		boolean redis = fromRedis;
		for (Throwable t = failure; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			redis |= t instanceof DataAccessException || t instanceof RedisException;
			if (isOutage(t, redis)) {
				return t;
			}
			if (t instanceof RedisPipelineException pipeline) {
				for (Object result : pipeline.getPipelineResult()) {
					Throwable found = (result instanceof Throwable problem) ? unavailable(problem, true) : null;
					if (found != null) {
						return found;
					}
				}
			}
		}
		return null;
	}

	/**
	 * Throws {@code failure} on as a data-access failure when Redis being away
	 * caused it, and returns otherwise. For code that turns failures into an answer
	 * of its own (a sign-in refused, a cookie cleared): an outage must reach the
	 * store-unavailable answer (503, try again) instead of telling a reader their
	 * password is wrong or signing them out.
	 */
	public static void rethrowIfUnavailable(Throwable failure) {
		if (unavailable(failure) == null) {
			return;
		}
		if (failure instanceof DataAccessException dataAccess) {
			throw dataAccess;
		}
		throw new RedisSystemException("Redis did not answer: " + failure.getMessage(), failure);
	}

	/**
	 * Whether {@code outage} is a command that timed out rather than a lost
	 * connection.
	 */
	static boolean isTimeout(Throwable outage) {
		return outage instanceof QueryTimeoutException || outage instanceof RedisCommandTimeoutException;
	}

	private static boolean isOutage(Throwable t, boolean fromRedis) {
		if (t instanceof DataAccessResourceFailureException || t instanceof QueryTimeoutException
				|| t instanceof RedisConnectionException || t instanceof RedisCommandTimeoutException
				|| t instanceof RedisLoadingException) {
			return true;
		}
		// A socket failure under a Redis command ("Connection reset by peer"); one of
		// its own (a reader who went away) is not Redis's.
		if (t instanceof IOException) {
			return fromRedis;
		}
		// Lettuce says these as plain RedisExceptions (Spring makes them
		// RedisSystemException).
		if (t instanceof RedisException && t.getMessage() != null) {
			String message = t.getMessage();
			return message.startsWith("Currently not connected") || message.startsWith("Connection closed")
					|| message.startsWith("Connection is closed") || message.contains("Connection reset");
		}
		return false;
	}

}
