package io.strongroom.api;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.strongroom.retention.PruneReport;
import io.strongroom.retention.Pruning;
import io.strongroom.run.BackupDeletion;
import io.strongroom.run.BackupRunId;
import io.strongroom.run.IllegalRunTransitionException;
import io.strongroom.run.DownloadLink;
import io.strongroom.run.RunFilter;
import io.strongroom.run.RunPage;
import io.strongroom.run.RunState;
import io.strongroom.run.RunView;
import io.strongroom.run.Runs;
import io.strongroom.run.VerificationId;
import io.strongroom.run.Verifications;
import io.strongroom.target.DatabaseLabel;
import io.strongroom.target.InvalidSettingsException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Backups: ask for one, list, read, download, cancel, verify, delete, read the log. */
@RestController
class BackupsController {

	/** Lines of runner output per page at most, and by default. */
	private static final int MAX_LOG_LINES = 1000;

	private final Runs runs;

	private final Verifications verifications;

	private final Pruning pruning;

	BackupsController(Runs runs, Verifications verifications, Pruning pruning) {
		this.runs = runs;
		this.verifications = verifications;
		this.pruning = pruning;
	}

	/**
	 * Queues a backup of the database now (202). While one of its backups is still
	 * active, that one is the answer instead of a second.
	 */
	@PostMapping(path = "/api/v1/databases/{label}/backups", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	BackupResponse backUp(@AuthenticationPrincipal ApiTenant tenant, @PathVariable String label) {
		return BackupResponse.of(this.runs.request(tenant.id(), DatabasesController.existing(label)));
	}

	/** Newest first; follow {@code nextCursor} for older ones. */
	@GetMapping(path = "/api/v1/backups", produces = MediaType.APPLICATION_JSON_VALUE)
	ItemsResponse<BackupResponse> list(@AuthenticationPrincipal ApiTenant tenant,
			@RequestParam(required = false) @Nullable String database,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		DatabaseLabel label = (database != null && !database.isBlank()) ? new DatabaseLabel(database.trim()) : null;
		RunState state = (status != null && !status.isBlank()) ? state(status) : null;
		int size = (limit != null) ? limit : 20;
		if (size < 1 || size > 100) {
			throw new InvalidSettingsException("limit", "limit must be between 1 and 100");
		}
		RunPage page = this.runs.list(tenant.id(), new RunFilter(label, state), cursor, size);
		return new ItemsResponse<>(page.items().stream().map(BackupResponse::of).toList(), page.nextCursor());
	}

	@GetMapping(path = "/api/v1/backups/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	BackupResponse get(@AuthenticationPrincipal ApiTenant tenant, @PathVariable String id) {
		return BackupResponse.of(this.runs.find(tenant.id(), runId(id)));
	}

	/** A link that downloads the encrypted backup object for 30 minutes. */
	@PostMapping(path = "/api/v1/backups/{id}/download-url", produces = MediaType.APPLICATION_JSON_VALUE)
	DownloadUrlResponse downloadUrl(@AuthenticationPrincipal ApiTenant tenant, @PathVariable String id) {
		DownloadLink link = this.runs.downloadLink(tenant.id(), runId(id));
		return new DownloadUrlResponse(link.url().toString(), link.expiresAt());
	}

	/** Stops a backup: a queued one at once, a running one within moments (202). */
	@PostMapping(path = "/api/v1/backups/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	BackupResponse cancel(@AuthenticationPrincipal ApiTenant tenant, @PathVariable String id) {
		return BackupResponse.of(this.runs.cancel(tenant.id(), runId(id)));
	}

	/**
	 * Deletes a successful backup because a person asked (204), whatever the retention
	 * policy says: manual backups and held ones are deleted only this way. The record is
	 * marked deleting first, then the object and its manifest are deleted, then the
	 * record is marked deleted; an object the destination says another run wrote is left
	 * alone.
	 */
	@DeleteMapping(path = "/api/v1/backups/{id}")
	ResponseEntity<?> delete(@AuthenticationPrincipal ApiTenant tenant, @PathVariable String id) {
		RunView run = this.runs.find(tenant.id(), runId(id));
		if (run.status() != RunState.SUCCEEDED) {
			throw new IllegalRunTransitionException(run.status(), "Backup " + run.id() + " is " + run.status()
					+ ": only a successful backup has an object to delete (cancel an active one instead)");
		}
		if (run.deletion() == BackupDeletion.DELETED) {
			return problem(HttpStatus.GONE, "backup_deleted", "Backup deleted",
					"Backup " + run.id() + " was deleted already");
		}
		Optional<PruneReport.Outcome> outcome = this.pruning.delete(tenant.id(), run.database().value(),
				run.id().value());
		if (outcome.isEmpty()) {
			return problem(HttpStatus.CONFLICT, "not_configured", "Not configured yet",
					"The add-on has no destination, so the backup's object cannot be deleted; "
							+ "set it again with PUT /api/v1/destination");
		}
		return switch (outcome.get().status()) {
			case DELETED, ALREADY_GONE -> ResponseEntity.noContent().build();
			case REFUSED -> problem(HttpStatus.CONFLICT, "not_written_by_strongroom", "Not Strongroom's object",
					"Strongroom left the object alone: " + outcome.get().detail());
			case FAILED -> problem(HttpStatus.BAD_GATEWAY, "destination_failed", "The destination failed",
					"Deleting the backup failed (" + outcome.get().detail() + "). It is marked deleting and no "
							+ "longer offered for download; Strongroom retries on its next retention sweep.");
		};
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String title, String detail) {
		return ResponseEntity.status(status).body(ApiProblems.of(status, code, title, detail));
	}

	/**
	 * Verifies a successful backup now (202): an integrity check, and a restore test when
	 * the plan allows one and a verification database is configured. While one of its
	 * verifications is under way, that one is the answer. The outcome appears on the
	 * backup ({@code verification}, {@code verificationDetail}).
	 */
	@PostMapping(path = "/api/v1/backups/{id}/verify", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	VerificationResponse verify(@AuthenticationPrincipal ApiTenant tenant, @PathVariable String id) {
		return VerificationResponse.of(this.verifications.request(tenant.id(), runId(id)));
	}

	/** The backup's verifications, newest first. */
	@GetMapping(path = "/api/v1/backups/{id}/verifications", produces = MediaType.APPLICATION_JSON_VALUE)
	ItemsResponse<VerificationResponse> verifications(@AuthenticationPrincipal ApiTenant tenant,
			@PathVariable String id) {
		return new ItemsResponse<>(
				this.verifications.list(tenant.id(), runId(id)).stream().map(VerificationResponse::of).toList(), null);
	}

	/**
	 * The backup runner's output, secrets masked, oldest first, {@code limit} lines (1 to
	 * 1000, default 1000) after line number {@code cursor}. Kept for runners Strongroom
	 * started on its own machine; a runner on a Heroku dyno writes to the app's log
	 * stream, and the answer's {@code note} says so.
	 */
	@GetMapping(path = "/api/v1/backups/{id}/log", produces = MediaType.APPLICATION_JSON_VALUE)
	LogResponse log(@AuthenticationPrincipal ApiTenant tenant, @PathVariable String id,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return LogResponse.of(this.runs.log(tenant.id(), runId(id), cursor, logLimit(limit)));
	}

	/** A verification runner's output, as {@code GET /api/v1/backups/{id}/log}. */
	@GetMapping(path = "/api/v1/backups/{id}/verifications/{verificationId}/log",
			produces = MediaType.APPLICATION_JSON_VALUE)
	LogResponse verificationLog(@AuthenticationPrincipal ApiTenant tenant, @PathVariable String id,
			@PathVariable String verificationId, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return LogResponse.of(this.verifications.log(tenant.id(), runId(id), verificationId(verificationId), cursor,
				logLimit(limit)));
	}

	private static int logLimit(@Nullable Integer limit) {
		int size = (limit != null) ? limit : MAX_LOG_LINES;
		if (size < 1 || size > MAX_LOG_LINES) {
			throw new InvalidSettingsException("limit", "limit must be between 1 and " + MAX_LOG_LINES);
		}
		return size;
	}

	private static VerificationId verificationId(String id) {
		try {
			return new VerificationId(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			throw new ApiNotFoundException("verification_not_found",
					"No verification " + shown(id) + " of this backup");
		}
	}

	private static String shown(String id) {
		return (id.length() > 40) ? id.substring(0, 40) + "…" : id;
	}

	private static BackupRunId runId(String id) {
		try {
			return new BackupRunId(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			throw new ApiNotFoundException("backup_not_found", "No backup " + shown(id) + " on this add-on");
		}
	}

	private static RunState state(String status) {
		try {
			return RunState.valueOf(status.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSettingsException("status",
					"status must be one of QUEUED, LAUNCHING, RUNNING, SUCCEEDED, FAILED, CANCELLED");
		}
	}

}
