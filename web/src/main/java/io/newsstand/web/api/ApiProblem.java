package io.newsstand.web.api;

import java.io.Serial;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An API answer other than success, as problem+json; {@code errors} names each
 * refused field.
 */
public class ApiProblem extends ErrorResponseException {

	@Serial
	private static final long serialVersionUID = 1L;

	public ApiProblem(HttpStatus status, String detail) {
		super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

	public ApiProblem(HttpStatus status, String detail, Map<String, String> errors) {
		this(status, detail);
		getBody().setProperty("errors", errors);
	}

}
