package io.strongroom.run;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the runner bundle and its SHA-256 to dynos. Public: it is the same code as this
 * jar and holds no secret; the hash in each dyno's command is what makes it trustworthy.
 */
@RestController
class RunnerBundleController {

	private final RunnerBundle bundle;

	RunnerBundleController(RunnerBundle bundle) {
		this.bundle = bundle;
	}

	@GetMapping("/runner/bundle/" + RunnerBundle.FILE_NAME)
	ResponseEntity<?> bundle() {
		return this.bundle.current()
			.<ResponseEntity<?>>map((current) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/gzip"))
				.contentLength(current.size())
				.eTag("\"" + current.sha256() + "\"")
				.header(HttpHeaders.CACHE_CONTROL, "no-cache")
				.body(new FileSystemResource(current.path())))
			.orElseGet(RunnerBundleController::missing);
	}

	@GetMapping(path = "/runner/bundle/" + RunnerBundle.FILE_NAME + ".sha256", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<?> sha256() {
		return this.bundle.current()
			.<ResponseEntity<?>>map((current) -> ResponseEntity.ok()
				.contentType(MediaType.TEXT_PLAIN)
				.body(current.sha256() + "  " + RunnerBundle.FILE_NAME + "\n"))
			.orElseGet(RunnerBundleController::missing);
	}

	private static ResponseEntity<?> missing() {
		ProblemDetail problem = RunnerCallbackExceptionHandler.problem(HttpStatus.NOT_FOUND, "bundle_missing",
				"This Strongroom has no runner bundle; the operator builds it with ./mvnw -B package"
						+ " (target/strongroom-runner.tar.gz)");
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
