package io.newsstand.web.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API's controllers as {@code application/problem+json}:
 * Spring MVC's own (unreadable JSON, wrong method, wrong media type) and ours.
 */
@RestControllerAdvice(basePackages = {"io.newsstand.web.account", "io.newsstand.web.reading",
		"io.newsstand.web.membership", "io.newsstand.web.search", "io.newsstand.web.frontpage",
		"io.newsstand.web.personal", "io.newsstand.web.passkey",
		"io.newsstand.web.gift"}, annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<Object> apiProblem(ApiProblem problem, WebRequest request) {
		return handleExceptionInternal(problem, problem.getBody(), new HttpHeaders(problem.getHeaders()),
				problem.getStatusCode(), request);
	}

	/**
	 * The selectors above also match the HTML controllers of those packages: their
	 * errors go to the site's error page (by status, through the container), not
	 * problem+json. {@code headers} may be read-only (Spring passes
	 * {@code HttpHeaders.EMPTY} for most of its exceptions), so they are copied.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && !isApi(servlet.getRequest())
				&& servlet.getResponse() != null) {
			try {
				headers.forEach(
						(name, values) -> values.forEach(value -> servlet.getResponse().addHeader(name, value)));
				servlet.getResponse().sendError(statusCode.value());
			} catch (IOException ex2) {
				throw new UncheckedIOException(ex2);
			}
			return null;
		}
		HttpHeaders writable = new HttpHeaders();
		writable.putAll(headers);
		ProblemDetail problem = (body instanceof ProblemDetail detail)
				? detail
				: (ex instanceof ErrorResponse response) ? response.getBody() : ProblemDetail.forStatus(statusCode);
		if (statusCode.value() == HttpStatus.BAD_REQUEST.value() && problem.getDetail() != null
				&& problem.getDetail().startsWith("Failed to read request")) {
			problem.setDetail("The request body is not the JSON this endpoint expects.");
		}
		if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
			problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
		}
		writable.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return ResponseEntity.status(statusCode).headers(writable).body(problem);
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/api/");
	}

}
