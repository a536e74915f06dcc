package io.newsstand.web.error;

import io.newsstand.web.security.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 with a clear page (or problem+json for the API) when Redis is
 * away, wherever in the request the failure happened: the session filter, a
 * controller or a view. Runs before the session filter so that even a failed
 * session lookup gets this answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StoreUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(StoreUnavailableFilter.class);

	static final String RETRY_AFTER_SECONDS = "5";

	private final ProblemWriter problems;

	StoreUnavailableFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		} catch (ServletException | IOException | RuntimeException ex) {
			Throwable storeFailure = storeFailure(ex);
			if (storeFailure == null || response.isCommitted()) {
				throw ex;
			}
			log.warn("Redis unavailable during {} {}: {}", request.getMethod(), request.getRequestURI(),
					storeFailure.getMessage());
			writeUnavailable(request, response);
		}
	}

	static @Nullable Throwable storeFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof DataAccessResourceFailureException || t instanceof QueryTimeoutException
					|| t instanceof io.lettuce.core.RedisConnectionException) {
				return t;
			}
		}
		return null;
	}

	private void writeUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.resetBuffer();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (wantsJson(request)) {
			this.problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
					"Newsstand's data store is not answering. Please try again in a few seconds.");
		} else {
			response.setCharacterEncoding("UTF-8");
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.getWriter().write(UNAVAILABLE_PAGE);
		}
	}

	private static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return request.getRequestURI().startsWith("/api/")
				|| (accept != null && accept.contains("json") && !accept.contains("text/html"));
	}

	// The site's layout, written out: this page is shown when the template's data
	// cannot be had.
	private static final String UNAVAILABLE_PAGE = """
			<!DOCTYPE html>
			<html lang="en">
			<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
			<meta name="color-scheme" content="light dark">
			<title>Back in a moment · Newsstand</title>
			<link rel="stylesheet" href="/css/site.css"></head>
			<body>
			<a class="skip-link" href="#main">Skip to the content</a>
			<header class="masthead"><div class="masthead-inner"><a class="brand" href="/">Newsstand</a></div></header>
			<main id="main" tabindex="-1">
			<h1>Back in a moment</h1>
			<p>Newsstand cannot reach its data store right now, so this page could not be shown.
			Nothing you saved is lost. Please try again in a few seconds.</p>
			<p class="meta">Error 503</p>
			<p><a href="/">Go to the front page</a></p>
			</main>
			<footer class="site-footer"><p>Newsstand brings hundreds of publishers together under one membership.</p></footer>
			</body>
			</html>
			""";

}
