package io.strongroom.api;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;

/**
 * Problem details (RFC 9457) of the REST API. {@code type} is
 * {@code urn:strongroom:problem:<code>} and {@code code} repeats its last part; both are
 * stable, so scripts may branch on them. {@code docs/api.md} lists every code.
 */
final class ApiProblems {

	static final String TYPE_PREFIX = "urn:strongroom:problem:";

	private ApiProblems() {
	}

	static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_PREFIX + code));
		problem.setTitle(title);
		problem.setProperty("code", code);
		return problem;
	}

	/**
	 * A Spring MVC error (405, 406, 415, ...) with its status and headers, and a code.
	 */
	static ResponseEntity<ProblemDetail> fromMvc(ErrorResponse error) {
		HttpStatusCode status = error.getStatusCode();
		String code = switch (status.value()) {
			case 400 -> "malformed_request";
			case 404 -> "not_found";
			case 405 -> "method_not_allowed";
			case 406 -> "not_acceptable";
			case 413 -> "body_too_large";
			case 415 -> "unsupported_media_type";
			default -> "http_" + status.value();
		};
		String detail = switch (status.value()) {
			case 404 -> "There is no such path in the REST API; see /v3/api-docs for what there is.";
			case 405 -> "This path does not take that method; see /v3/api-docs.";
			case 415 -> "Send the body as JSON with Content-Type: application/json.";
			default -> (error.getBody().getDetail() != null) ? error.getBody().getDetail()
					: "The request could not be handled";
		};
		ProblemDetail problem = of(status, code, error.getBody().getTitle(), detail);
		return ResponseEntity.status(status).headers(error.getHeaders()).body(problem);
	}

}
