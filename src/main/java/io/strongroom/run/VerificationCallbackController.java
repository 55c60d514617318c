package io.strongroom.run;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The verification runner's callback API (docs/runner-spec.md, "verify").
 * {@link RunnerTicketFilter} has already checked that the request carries the live ticket
 * of the verification in the path.
 */
@RestController
@RequestMapping(path = "/runner/v1/verifications/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
class VerificationCallbackController {

	private final VerificationCallbacks callbacks;

	VerificationCallbackController(VerificationCallbacks callbacks) {
		this.callbacks = callbacks;
	}

	@GetMapping("/spec")
	Map<String, Object> spec(@PathVariable UUID id) {
		return this.callbacks.spec(new VerificationId(id));
	}

	@PostMapping(path = "/heartbeat", consumes = MediaType.APPLICATION_JSON_VALUE)
	RunnerReports.HeartbeatAnswer heartbeat(@PathVariable UUID id, @RequestBody RunnerReports.Heartbeat heartbeat) {
		return this.callbacks.heartbeat(new VerificationId(id), heartbeat);
	}

	@PostMapping(path = "/result", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void result(@PathVariable UUID id, @RequestBody VerificationReports.Result result) {
		this.callbacks.result(new VerificationId(id), result);
	}

	@PostMapping(path = "/failure", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void failure(@PathVariable UUID id, @RequestBody RunnerReports.Failure failure) {
		this.callbacks.failure(new VerificationId(id), failure);
	}

}
