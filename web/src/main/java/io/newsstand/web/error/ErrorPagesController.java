package io.newsstand.web.error;

import io.newsstand.web.security.ProblemWriter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that reaches the container: a page in the site's layout that says
 * what happened and what to do, or {@code application/problem+json} for the
 * API. Replaces Spring Boot's white-label page.
 */
@Controller
class ErrorPagesController implements ErrorController {

	private final ProblemWriter problems;

	ErrorPagesController(ProblemWriter problems) {
		this.problems = problems;
	}

	@RequestMapping("/error")
	@Nullable
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus status = status(request);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Explanation explanation = Explanation.of(status);
		if (isApi(request) || wantsJson(request)) {
			Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
			this.problems.write((uri instanceof String path) ? path : request.getRequestURI(), response, status,
					explanation.text());
			return null;
		}
		ModelAndView page = new ModelAndView("error/error", status);
		page.addObject("status", status.value());
		page.addObject("heading", explanation.heading());
		page.addObject("explanation", explanation.text());
		return page;
	}

	private static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains("json") && !accept.contains("text/html");
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path
				&& path.startsWith("/api/");
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	/** What a reader is told for each status. */
	record Explanation(String heading, String text) {

		static Explanation of(HttpStatus status) {
			return switch (status) {
				case NOT_FOUND -> new Explanation("Page not found",
						"There is no page at this address. The article or publisher may have been removed, or the link may be mistyped.");
				case FORBIDDEN -> new Explanation("Not allowed",
						"Your account may not open this page. If you think it should, sign in with another account.");
				case UNAUTHORIZED -> new Explanation("Please sign in", "This needs you to sign in first.");
				case SERVICE_UNAVAILABLE -> new Explanation("Back in a moment",
						"Newsstand cannot reach its data store right now. Nothing you saved is lost. Please try again in a few seconds.");
				case METHOD_NOT_ALLOWED ->
					new Explanation("Not possible here", "This address does not accept that kind of request.");
				case BAD_REQUEST -> new Explanation("Something in the request was wrong",
						"The request could not be understood. Go back, check what you entered and try again.");
				default -> status.is4xxClientError()
						? new Explanation("That did not work",
								"The request could not be completed (" + status.getReasonPhrase() + ").")
						: new Explanation("Something went wrong on our side",
								"Newsstand hit an unexpected problem showing this page. It has been logged; please try again in a minute.");
			};
		}

	}

}
