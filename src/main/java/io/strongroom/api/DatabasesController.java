package io.strongroom.api;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import io.strongroom.retention.RetentionFields;
import io.strongroom.retention.RetentionPolicies;
import io.strongroom.retention.RetentionSettings;
import io.strongroom.runner.Secret;
import io.strongroom.target.ConnectionReport;
import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.DatabaseView;
import io.strongroom.target.InvalidSettingsException;
import io.strongroom.target.SavedDatabase;
import io.strongroom.target.TargetNotFoundException;
import io.strongroom.target.Targets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The add-on's databases. */
@RestController
@RequestMapping(path = "/api/v1/databases", produces = MediaType.APPLICATION_JSON_VALUE)
class DatabasesController {

	private final Targets targets;

	private final RetentionPolicies retention;

	DatabasesController(Targets targets, RetentionPolicies retention) {
		this.targets = targets;
		this.retention = retention;
	}

	@GetMapping
	ItemsResponse<DatabaseResponse> list(@AuthenticationPrincipal ApiTenant tenant) {
		return new ItemsResponse<>(
				this.targets.databases(tenant.id()).stream().map((view) -> response(tenant, view)).toList(), null);
	}

	@GetMapping("/{label}")
	DatabaseResponse get(@AuthenticationPrincipal ApiTenant tenant, @PathVariable String label) {
		DatabaseLabel parsed = existing(label);
		return this.targets.database(tenant.id(), parsed)
			.map((view) -> response(tenant, view))
			.orElseThrow(() -> notFound(label));
	}

	/**
	 * Adds (201) or replaces (200) a database. {@code retention} is checked against the
	 * plan before anything is saved; left out, the saved retention settings stay.
	 */
	@PutMapping(path = "/{label}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<DatabaseResponse> put(@AuthenticationPrincipal ApiTenant tenant, @PathVariable String label,
			@RequestBody DatabaseRequest request) {
		RetentionSettings retention = (request.retention() != null) ? RetentionFields.parse(request.retention()) : null;
		if (retention != null) {
			this.retention.check(tenant.id(), retention.policy());
		}
		SavedDatabase saved = this.targets.saveDatabase(tenant.id(), new DatabaseLabel(label), request.toSettings());
		if (retention != null) {
			this.retention.update(tenant.id(), saved.database().label().value(), retention.policy(), retention.zone());
		}
		DatabaseResponse body = response(tenant, saved.database());
		return saved.created() ? ResponseEntity.created(URI.create("/api/v1/databases/" + label)).body(body)
				: ResponseEntity.ok(body);
	}

	@DeleteMapping("/{label}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal ApiTenant tenant, @PathVariable String label) {
		this.targets.deleteDatabase(tenant.id(), existing(label));
	}

	/**
	 * Connects, reports the server version and the dump client it needs, checks every
	 * table is readable and warns when the user may write. Always 200: {@code ok} says
	 * whether the backup would work.
	 */
	@PostMapping("/{label}/test")
	ConnectionReport test(@AuthenticationPrincipal ApiTenant tenant, @PathVariable String label,
			@RequestBody(required = false) @Nullable UrlRequest request) {
		Secret url = (request != null && request.url() != null && !request.url().isBlank()) ? new Secret(request.url())
				: null;
		return this.targets.testConnection(tenant.id(), existing(label), url);
	}

	private DatabaseResponse response(ApiTenant tenant, DatabaseView view) {
		return DatabaseResponse.of(view,
				RetentionFields.render(this.retention.settingsFor(tenant.id(), view.label().value())));
	}

	/** A label in a path that cannot exist is simply not found. */
	static DatabaseLabel existing(String label) {
		try {
			return new DatabaseLabel(label);
		}
		catch (InvalidSettingsException ex) {
			throw notFound(label);
		}
	}

	static TargetNotFoundException notFound(String label) {
		String shown = (label.length() > 40) ? label.substring(0, 40) + "…" : label;
		return new TargetNotFoundException(
				"No database labelled " + shown + " on this add-on; list them with" + " GET /api/v1/databases");
	}

}
