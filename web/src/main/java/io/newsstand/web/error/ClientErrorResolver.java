package io.newsstand.web.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Requests the container or Spring cannot even take apart are the client's
 * fault: a multipart body without a boundary, a query string with an empty
 * parameter name ({@code ?=x}). They get the site's 400 (a page, or
 * problem+json by {@code Accept}) and one line at DEBUG, not a 500 with a stack
 * trace; whatever handler they were meant for is not involved.
 */
@Component
class ClientErrorResolver implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(ClientErrorResolver.class);

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!isMalformed(ex) || response.isCommitted()) {
			return null;
		}
		log.debug("400 for {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		// The error page's dispatch would parse the multipart body again unless it
		// knows that this failed already.
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, ex);
		try {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
		} catch (IOException gone) {
			log.debug("Could not answer 400: {}", gone.toString());
		}
		return new ModelAndView();
	}

	private static boolean isMalformed(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if ((t instanceof MultipartException && !(t instanceof MaxUploadSizeExceededException))
					|| t instanceof InvalidParameterException) {
				return true;
			}
		}
		return false;
	}

	/** Before Spring's own resolvers, which would let these through as 500. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
