package io.strongroom.heroku.partner;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DatabindException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The partner API's error contract, in one place (STYLE.md C10): JSON {@code {"message":
 * …}} that Heroku shows to the user, 422 when a request cannot be served. Messages never
 * echo request content, so no secret from a body reaches an answer or a log.
 */
@RestControllerAdvice(assignableTypes = PartnerApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PartnerApiErrors {

	private static final Log logger = LogFactory.getLog(PartnerApiErrors.class);

	@ExceptionHandler(PartnerApiException.class)
	ResponseEntity<Map<String, Object>> partner(PartnerApiException ex) {
		int status = switch (ex.kind()) {
			case UNSERVICEABLE -> 422;
			case NOT_FOUND -> 404;
			case GONE -> 410;
		};
		return message(status, ex.getMessage(), null, null);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
		if (causedBy(ex, PartnerRequestLimits.BodyTooLargeException.class)) {
			return tooLarge();
		}
		DatabindException mapping = cause(ex, DatabindException.class);
		if (mapping != null && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath()
				.stream()
				.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
						: "[" + reference.getIndex() + "]")
				.reduce((a, b) -> a + "." + b)
				.orElse("a field");
			return message(400, "The request body has the wrong type for " + field, null, null);
		}
		if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
			return message(400, "The request needs a JSON body", null, null);
		}
		return message(400, "The request body is not valid JSON", null, null);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Map<String, Object>> unsupportedType(HttpMediaTypeNotSupportedException ex) {
		return message(415, "Send the request body as Content-Type: application/json", null, null);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return message(406, "The partner API answers in JSON", null, null);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException ex) {
		return message(405, "Method " + ex.getMethod() + " is not supported here", null, null);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> unexpected(Exception ex) {
		// the exception's message may quote data; log its type only, with the trace for
		// the operator
		logger.error("Partner API request failed unexpectedly (" + ex.getClass().getName() + ")", stackOnly(ex));
		return message(500, "Strongroom could not process this request; please try again", null, null);
	}

	static ResponseEntity<Map<String, Object>> tooLarge() {
		return message(413, "The request body is too large for the partner API", null, null);
	}

	static ResponseEntity<Map<String, Object>> message(int status, String message, @Nullable String header,
			@Nullable String value) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", message);
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
		if (header != null && value != null) {
			builder.header(header, value);
		}
		return builder.body(body);
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		return cause(ex, type) != null;
	}

	private static <T extends Throwable> @Nullable T cause(Throwable ex, Class<T> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
	}

	/** The failure's stack, without its message (which might quote a secret). */
	private static Throwable stackOnly(Throwable ex) {
		Throwable copy = new Throwable(ex.getClass().getName());
		copy.setStackTrace(ex.getStackTrace());
		return copy;
	}

}
