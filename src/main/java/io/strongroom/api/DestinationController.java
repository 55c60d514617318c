package io.strongroom.api;

import io.strongroom.target.DestinationReport;
import io.strongroom.target.Targets;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The add-on's one destination. */
@RestController
@RequestMapping(path = "/api/v1/destination", produces = MediaType.APPLICATION_JSON_VALUE)
class DestinationController {

	private final Targets targets;

	DestinationController(Targets targets) {
		this.targets = targets;
	}

	@GetMapping
	DestinationResponse get(@AuthenticationPrincipal ApiTenant tenant) {
		return this.targets.destination(tenant.id())
			.map(DestinationResponse::of)
			.orElseThrow(() -> new ApiNotFoundException("destination_not_found",
					"No destination is set yet; PUT /api/v1/destination with an S3 bucket"));
	}

	/**
	 * Checks access, then puts, reads back and deletes a probe object. Always 200:
	 * {@code ok} says whether backups can be written.
	 */
	@PostMapping("/test")
	DestinationReport test(@AuthenticationPrincipal ApiTenant tenant) {
		return this.targets.testDestination(tenant.id());
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	DestinationResponse put(@AuthenticationPrincipal ApiTenant tenant, @RequestBody DestinationRequest request) {
		return DestinationResponse.of(this.targets.saveDestination(tenant.id(), request.toSettings()));
	}

}
