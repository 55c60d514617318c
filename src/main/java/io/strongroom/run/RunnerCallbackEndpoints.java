package io.strongroom.run;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The four endpoints of the runner callback API (docs/runner-spec.md) under a job's path,
 * which each controller names. {@link RunnerTicketFilter} has already checked that the
 * request carries the live ticket of the job in the path.
 *
 * @param <R> the result's body
 */
abstract class RunnerCallbackEndpoints<R> {

	private final RunnerCallbacks<R> callbacks;

	RunnerCallbackEndpoints(RunnerCallbacks<R> callbacks) {
		this.callbacks = callbacks;
	}

	@GetMapping("/spec")
	Map<String, Object> spec(@PathVariable UUID id) {
		return this.callbacks.spec(id);
	}

	@PostMapping(path = "/heartbeat", consumes = MediaType.APPLICATION_JSON_VALUE)
	RunnerReports.HeartbeatAnswer heartbeat(@PathVariable UUID id, @RequestBody RunnerReports.Heartbeat heartbeat) {
		return this.callbacks.heartbeat(id, heartbeat);
	}

	@PostMapping(path = "/result", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void result(@PathVariable UUID id, @RequestBody R result) {
		this.callbacks.result(id, result);
	}

	@PostMapping(path = "/failure", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void failure(@PathVariable UUID id, @RequestBody RunnerReports.Failure failure) {
		this.callbacks.failure(id, failure);
	}

}
