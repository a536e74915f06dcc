package io.newsstand.web.security;

import io.newsstand.web.redis.RedisFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the sign-in page with what went wrong: a wrong address or password
 * (never which of the two), or too many attempts and for how many minutes. The
 * outcome travels in the query string, not a session, because the reader has
 * none yet.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

	private final Clock clock;

	SignInFailureHandler(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		// Whatever provider let an outage through as a refusal: the reader is told to
		// try again (503), not that the password was wrong.
		RedisFailures.rethrowIfUnavailable(exception);
		StringBuilder target = new StringBuilder("/signin?error=");
		if (exception instanceof SignInThrottledException throttled) {
			target.append(throttled.refused().byAccount() ? "throttled-account" : "throttled-address")
					.append("&minutes=").append(throttled.refused().minutesLeft(this.clock.instant()));
		} else {
			target.append("bad");
		}
		String next = request.getParameter("next");
		if (LocalPaths.isLocal(next)) {
			target.append("&next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8));
		}
		response.sendRedirect(target.toString());
	}

}
