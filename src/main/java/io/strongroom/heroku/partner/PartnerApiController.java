package io.strongroom.heroku.partner;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Add-on Partner API v3 (heroku-addon.md §2), called by Heroku with HTTP Basic
 * ({@link PartnerApiSecurity}). Answers are JSON whatever the {@code Accept} header
 * (Heroku sends {@code application/vnd.heroku-addons+json}).
 */
@RestController
class PartnerApiController {

	private final Provisioning provisioning;

	PartnerApiController(Provisioning provisioning) {
		this.provisioning = provisioning;
	}

	@PostMapping("/heroku/resources")
	ResponseEntity<Map<String, Object>> provision(@RequestBody(required = false) @Nullable ProvisionRequest request) {
		return json(this.provisioning.provision(request));
	}

	@PutMapping("/heroku/resources/{uuid}")
	ResponseEntity<Map<String, Object>> changePlan(@PathVariable String uuid,
			@RequestBody(required = false) @Nullable PlanChangeRequest request) {
		return json(this.provisioning.changePlan(uuid, request));
	}

	@DeleteMapping("/heroku/resources/{uuid}")
	ResponseEntity<Void> deprovision(@PathVariable String uuid) {
		this.provisioning.deprovision(uuid);
		return ResponseEntity.noContent().build();
	}

	/** Anything else under /heroku: a JSON 404 or 405, never Boot's error page. */
	@RequestMapping("/heroku/**")
	ResponseEntity<Map<String, Object>> fallback(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals("/heroku/resources") || path.equals("/heroku/resources/")) {
			return PartnerApiErrors.message(405, "Use POST /heroku/resources to provision an add-on", HttpHeaders.ALLOW,
					"POST");
		}
		if (path.matches("/heroku/resources/[^/]+")) {
			return PartnerApiErrors.message(405,
					"Use PUT /heroku/resources/{uuid} to change plan or DELETE to deprovision", HttpHeaders.ALLOW,
					"PUT, DELETE");
		}
		return PartnerApiErrors.message(404, "Not part of the Heroku Add-on Partner API", null, null);
	}

	private static ResponseEntity<Map<String, Object>> json(PartnerAnswer answer) {
		return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(answer.body());
	}

}
