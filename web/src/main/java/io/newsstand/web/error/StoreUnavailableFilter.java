package io.newsstand.web.error;

import io.newsstand.web.redis.RedisCircuit;
import io.newsstand.web.security.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 with a clear page (or problem+json for the API) and
 * {@code Retry-After} when Redis is away, wherever in the request the failure
 * happened: the session filter, a controller or a view. Runs before the session
 * filter so that even a failed session lookup gets this answer. Once one
 * request has met the outage, the {@link RedisCircuit} is open and the
 * following ones are answered at once, without touching Redis; the circuit logs
 * the outage once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StoreUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(StoreUnavailableFilter.class);

	private final ProblemWriter problems;

	private final RedisCircuit circuit;

	StoreUnavailableFilter(ProblemWriter problems, RedisCircuit circuit) {
		this.problems = problems;
		this.circuit = circuit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.circuit.isOpen() && needsRedis(request)) {
			writeUnavailable(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		} catch (ServletException | IOException | RuntimeException ex) {
			if (response.isCommitted() || !this.circuit.tripOn(ex)) {
				throw ex;
			}
			log.debug("Redis unavailable during {} {}", request.getMethod(), request.getRequestURI(), ex);
			writeUnavailable(request, response);
		}
	}

	/**
	 * Health reports the outage itself, and the stylesheet of the 503 page needs no
	 * Redis.
	 */
	private static boolean needsRedis(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !path.startsWith("/actuator/") && !path.startsWith("/css/");
	}

	private void writeUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.resetBuffer();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, this.circuit.retryAfter().toSeconds())));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (wantsJson(request)) {
			this.problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
					"Newsstand's data store is not answering. Please try again in a few seconds.");
		} else {
			response.setCharacterEncoding("UTF-8");
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.getWriter().write(PlainErrorPage.html(HttpStatus.SERVICE_UNAVAILABLE));
		}
	}

	private static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return request.getRequestURI().startsWith("/api/")
				|| (accept != null && accept.contains("json") && !accept.contains("text/html"));
	}

}
