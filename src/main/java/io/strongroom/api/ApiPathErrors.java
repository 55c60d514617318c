package io.strongroom.api;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors raised before any controller is chosen (an unknown path, a method or content
 * type no endpoint takes) reach no controller-scoped advice. Under {@code /api/} they get
 * the API's problem details with a code; anywhere else exactly the problem detail Spring
 * MVC would write itself, so other modules see no difference.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiPathErrors {

	@ExceptionHandler({ NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
			HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class })
	ResponseEntity<ProblemDetail> beforeAnyController(Exception ex, HttpServletRequest request) {
		ErrorResponse error = (ErrorResponse) ex;
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return ApiProblems.fromMvc(error);
		}
		return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders()).body(error.getBody());
	}

}
