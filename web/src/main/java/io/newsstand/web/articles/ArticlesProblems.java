package io.newsstand.web.articles;

import io.newsstand.aggregator.InvalidCursorException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Maps the articles API's expected failures to
 * {@code application/problem+json}.
 */
@RestControllerAdvice(assignableTypes = ArticlesController.class)
class ArticlesProblems {

	@ExceptionHandler(InvalidCursorException.class)
	ProblemDetail badCursor(InvalidCursorException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid cursor",
				ex.getMessage() + ". Use the nextCursor of the previous page, or leave cursor out for the first page.",
				"invalid-cursor");
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage(), "invalid-request");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail badParameter(MethodArgumentTypeMismatchException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request",
				"Parameter '" + ex.getName() + "' is not valid: " + ex.getValue(), "invalid-request");
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("https://newsstand.example/problems/" + type));
		return problem;
	}

}
