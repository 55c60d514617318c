package io.strongroom.api;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import io.strongroom.retention.RetentionPolicyRejected;
import io.strongroom.run.BackupDeletedException;
import io.strongroom.run.BackupDeletion;
import io.strongroom.notify.InvalidRecipient;
import io.strongroom.notify.InvalidWebhook;
import io.strongroom.run.DownloadUnavailableException;
import io.strongroom.run.IllegalRunTransitionException;
import io.strongroom.run.InvalidCursorException;
import io.strongroom.run.RunNotFoundException;
import io.strongroom.run.VerificationNotFoundException;
import io.strongroom.schedule.InvalidScheduleException;
import io.strongroom.schedule.ScheduleNotAllowedException;
import io.strongroom.target.InvalidSettingsException;
import io.strongroom.target.PlanLimitExceededException;
import io.strongroom.target.SecretStoreUnavailableException;
import io.strongroom.target.TargetNotFoundException;
import io.strongroom.target.TargetNotReadyException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The one place where the REST API turns exceptions into problem details (STYLE.md C10).
 * Domain exceptions know nothing of HTTP; here each gets a status, a stable {@code code}
 * and a message a person can act on. Messages never carry a secret: the domain never puts
 * one in, and request bodies that cannot be read are described by field, never by value.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(InvalidSettingsException.class)
	ProblemDetail invalidSettings(InvalidSettingsException ex) {
		return invalidRequest(ex.getMessage(), ex.field());
	}

	@ExceptionHandler(InvalidRecipient.class)
	ProblemDetail invalidRecipient(InvalidRecipient ex) {
		return invalidRequest(ex.getMessage(), "recipients");
	}

	@ExceptionHandler(InvalidWebhook.class)
	ProblemDetail invalidWebhook(InvalidWebhook ex) {
		return invalidRequest(ex.getMessage(), "webhook");
	}

	@ExceptionHandler(InvalidNotificationSettings.class)
	ProblemDetail invalidNotificationSettings(InvalidNotificationSettings ex) {
		return invalidRequest(ex.getMessage(), ex.field());
	}

	@ExceptionHandler(InvalidScheduleException.class)
	ProblemDetail invalidSchedule(InvalidScheduleException ex) {
		ProblemDetail problem = ApiProblems.of(HttpStatus.BAD_REQUEST, "invalid_schedule", "Invalid schedule",
				ex.getMessage());
		problem.setProperty("field", "schedule");
		problem.setProperty("problems", ex.problems());
		return problem;
	}

	@ExceptionHandler(InvalidCursorException.class)
	ProblemDetail invalidCursor(InvalidCursorException ex) {
		return invalidRequest(ex.getMessage(), "cursor");
	}

	@ExceptionHandler(PlanLimitExceededException.class)
	ProblemDetail planLimit(PlanLimitExceededException ex) {
		return notInPlan(ex.getMessage(), ex.plan());
	}

	@ExceptionHandler(RetentionPolicyRejected.class)
	ProblemDetail retentionNotAllowed(RetentionPolicyRejected ex) {
		ProblemDetail problem = notInPlan(ex.getMessage(), ex.plan());
		problem.setProperty("field", "retention");
		problem.setProperty("problems", ex.problems());
		return problem;
	}

	@ExceptionHandler(ScheduleNotAllowedException.class)
	ProblemDetail scheduleNotAllowed(ScheduleNotAllowedException ex) {
		return notInPlan(ex.getMessage(), ex.plan());
	}

	/** 400 naming the request field to correct. */
	private static ProblemDetail invalidRequest(String message, String field) {
		ProblemDetail problem = ApiProblems.of(HttpStatus.BAD_REQUEST, "invalid_request", "Invalid request", message);
		problem.setProperty("field", field);
		return problem;
	}

	/** 402: the request is valid but the add-on's plan does not allow it. */
	private static ProblemDetail notInPlan(String message, String plan) {
		ProblemDetail problem = ApiProblems.of(HttpStatus.PAYMENT_REQUIRED, "plan_limit", "Not in your plan", message);
		problem.setProperty("plan", plan);
		return problem;
	}

	@ExceptionHandler(TargetNotFoundException.class)
	ProblemDetail databaseNotFound(TargetNotFoundException ex) {
		return ApiProblems.of(HttpStatus.NOT_FOUND, "database_not_found", "No such database", ex.getMessage());
	}

	@ExceptionHandler(RunNotFoundException.class)
	ProblemDetail backupNotFound(RunNotFoundException ex) {
		return ApiProblems.of(HttpStatus.NOT_FOUND, "backup_not_found", "No such backup", ex.getMessage());
	}

	@ExceptionHandler(VerificationNotFoundException.class)
	ProblemDetail verificationNotFound(VerificationNotFoundException ex) {
		return ApiProblems.of(HttpStatus.NOT_FOUND, "verification_not_found", "No such verification", ex.getMessage());
	}

	@ExceptionHandler(ApiNotFoundException.class)
	ProblemDetail notFound(ApiNotFoundException ex) {
		return ApiProblems.of(HttpStatus.NOT_FOUND, ex.code(), "Not found", ex.getMessage());
	}

	@ExceptionHandler(TargetNotReadyException.class)
	ProblemDetail notReady(TargetNotReadyException ex) {
		ProblemDetail problem = ApiProblems.of(HttpStatus.CONFLICT, "not_configured", "Not configured yet",
				ex.getMessage());
		problem.setProperty("missing", ex.missing());
		return problem;
	}

	@ExceptionHandler(IllegalRunTransitionException.class)
	ProblemDetail runState(IllegalRunTransitionException ex) {
		ProblemDetail problem = ApiProblems.of(HttpStatus.CONFLICT, "backup_state_conflict",
				"Not possible in the backup's state", ex.getMessage());
		problem.setProperty("backupStatus", ex.state().name());
		return problem;
	}

	@ExceptionHandler(DownloadUnavailableException.class)
	ProblemDetail downloadUnavailable(DownloadUnavailableException ex) {
		return ApiProblems.of(HttpStatus.CONFLICT, "download_unavailable", "No download link", ex.getMessage());
	}

	/** 409 while retention is deleting the backup, 410 once it is gone. */
	@ExceptionHandler(BackupDeletedException.class)
	ProblemDetail backupDeleted(BackupDeletedException ex) {
		boolean gone = ex.deletion() == BackupDeletion.DELETED;
		ProblemDetail problem = gone
				? ApiProblems.of(HttpStatus.GONE, "backup_deleted", "Backup deleted", ex.getMessage())
				: ApiProblems.of(HttpStatus.CONFLICT, "backup_deleting", "Backup being deleted", ex.getMessage());
		problem.setProperty("deletion", ex.deletion().name());
		return problem;
	}

	@ExceptionHandler({ DataIntegrityViolationException.class, OptimisticLockingFailureException.class })
	ProblemDetail concurrent(RuntimeException ex) {
		log.info("Concurrent change answered 409: {}", ex.getClass().getSimpleName());
		return ApiProblems.of(HttpStatus.CONFLICT, "concurrent_change", "Changed at the same time",
				"Somebody changed this at the same moment; read it again and retry.");
	}

	@ExceptionHandler(SecretStoreUnavailableException.class)
	ResponseEntity<ProblemDetail> configVars(SecretStoreUnavailableException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "60")
			.body(ApiProblems.of(HttpStatus.SERVICE_UNAVAILABLE, "config_vars_unavailable",
					"Heroku is not taking config vars", ex.getMessage()));
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		String incident = UUID.randomUUID().toString();
		log.error("Unexpected error in the REST API (incident {})", incident, ex);
		ProblemDetail problem = ApiProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Internal error",
				"Strongroom failed unexpectedly; nothing you sent is at fault. Incident " + incident
						+ " is logged; try again, or report it with that id.");
		problem.setProperty("incident", incident);
		return problem;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		// Jackson's own message may quote the input, and the input may hold a secret.
		String detail = "The request body is missing or is not the JSON this endpoint takes";
		String field = null;
		DatabindException databind = cause(ex, DatabindException.class);
		if (databind != null && !databind.getPath().isEmpty()) {
			field = path(databind);
			detail = "The request body's field '" + field + "' has the wrong type or form";
		}
		else if (cause(ex, JacksonException.class) != null) {
			detail = "The request body is not valid JSON";
		}
		else if (cause(ex, java.io.IOException.class) != null) {
			detail = "The request body could not be read (at most " + (ApiRequestLimit.MAX_BODY_BYTES / 1024) + " KB)";
		}
		ProblemDetail problem = ApiProblems.of(HttpStatus.BAD_REQUEST, "malformed_request", "Malformed request",
				detail + "; see /v3/api-docs for its schema.");
		if (field != null) {
			problem.setProperty("field", field);
		}
		return problem;
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ProblemDetail badParameter(Exception ex) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ((MissingServletRequestParameterException) ex).getParameterName();
		ProblemDetail problem = ApiProblems.of(HttpStatus.BAD_REQUEST, "invalid_request", "Invalid request",
				"The parameter '" + name + "' is missing or has the wrong form");
		problem.setProperty("field", name);
		return problem;
	}

	/** Spring MVC's own errors (405, 406, 415, ...) keep their status and gain a code. */
	@ExceptionHandler({ ErrorResponseException.class, HttpRequestMethodNotSupportedException.class,
			HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class,
			ServletRequestBindingException.class, NoResourceFoundException.class })
	ResponseEntity<ProblemDetail> mvc(Exception ex) {
		return ApiProblems.fromMvc((ErrorResponse) ex);
	}

	@SuppressWarnings("unchecked")
	private static <T extends Throwable> @Nullable T cause(Throwable ex, Class<T> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return (T) current;
			}
		}
		return null;
	}

	private static String path(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
