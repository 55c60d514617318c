package io.strongroom.run;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Problem details for the runner callback API. Deliberately not a
 * {@code ResponseEntityExceptionHandler}: such a bean would switch off Boot's problem
 * details for every other module.
 */
@RestControllerAdvice(assignableTypes = RunnerCallbackEndpoints.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RunnerCallbackExceptionHandler {

	@ExceptionHandler(CallbackRejectedException.class)
	ProblemDetail rejected(CallbackRejectedException ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid_report", ex.getMessage());
	}

	@ExceptionHandler(IllegalRunTransitionException.class)
	ProblemDetail conflict(IllegalRunTransitionException ex) {
		return problem(HttpStatus.CONFLICT, "run_state_conflict", ex.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		return problem(HttpStatus.BAD_REQUEST, "invalid_report",
				"The body is not the JSON this callback takes (TEAM.md, Runner callback API)");
	}

	static ProblemDetail problem(HttpStatus status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("urn:strongroom:problem:" + code));
		problem.setProperty("code", code);
		return problem;
	}

}
