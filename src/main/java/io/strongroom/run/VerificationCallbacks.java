package io.strongroom.run;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.strongroom.target.DestinationAccess;
import io.strongroom.target.Targets;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * The runner callback API of verifications ({@link RunnerCallbacks}, docs/runner-spec.md,
 * "verify"): the spec names the backup to read, the result says what was found, and a
 * failure report means the runner could not do its job.
 */
class VerificationCallbacks implements RunnerCallbacks<VerificationReports.Result> {

	private static final Set<String> STAGES = Set.of("download", "integrity", "restore", "compare", "cleanup");

	private static final Set<String> OUTCOMES = Set.of("PASSED", "FAILED", "SKIPPED");

	private static final int MAX_REPORT = 100_000;

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final BackupRunRepository runs;

	private final VerificationLifecycle lifecycle;

	private final Targets targets;

	private final RunProperties properties;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	VerificationCallbacks(BackupRunRepository runs, VerificationLifecycle lifecycle, Targets targets,
			RunProperties properties, TransactionTemplate transactions, JsonMapper json) {
		this.runs = runs;
		this.lifecycle = lifecycle;
		this.targets = targets;
		this.properties = properties;
		this.transactions = transactions;
		this.json = json;
	}

	@Override
	public Map<String, Object> spec(UUID id) {
		BackupVerification current = this.lifecycle.jobs().find(id).orElseThrow();
		BackupRun run = this.transactions.execute((status) -> this.runs.findById(current.runId().value()))
			.orElseThrow();
		Optional<DestinationAccess> destination = this.targets.destinationAccess(current.tenantId());
		if (destination.isEmpty()) {
			String message = "The add-on has no destination configured any more, so the backup cannot be read";
			this.lifecycle.couldNotRun(current.id(), FailureKinds.NOT_CONFIGURED, message);
			throw new IllegalRunTransitionException(RunState.SUCCEEDED, message);
		}
		BackupVerification running = this.lifecycle.jobs().started(id);
		Map<String, Object> statistics = (run.statisticsJson() != null)
				? this.json.readValue(run.statisticsJson(), OBJECT) : null;
		return VerificationSpecs.spec(running, run, destination.get(), this.targets.configVars(current.tenantId()),
				statistics, this.properties);
	}

	@Override
	public RunnerReports.HeartbeatAnswer heartbeat(UUID id, RunnerReports.Heartbeat heartbeat) {
		return this.lifecycle.jobs()
			.heartbeat(id, heartbeat.progress(STAGES::contains,
					"stage must be one of download, integrity, restore, compare or cleanup"));
	}

	@Override
	public void result(UUID verificationId, VerificationReports.Result result) {
		VerificationId id = new VerificationId(verificationId);
		String status = (result.status() != null) ? result.status().trim().toUpperCase(Locale.ROOT) : "";
		if (!OUTCOMES.contains(status)) {
			throw new CallbackRejectedException("status must be PASSED, FAILED or SKIPPED; report that the"
					+ " verification could not run to /failure with {\"kind\", \"message\"}");
		}
		if (result.verificationId() != null && !id.toString().equalsIgnoreCase(result.verificationId().trim())) {
			throw new CallbackRejectedException("verificationId does not name the verification this ticket serves");
		}
		BackupRunId runId = this.lifecycle.jobs().find(verificationId).orElseThrow().runId();
		if (result.runId() != null && !runId.toString().equalsIgnoreCase(result.runId().trim())) {
			throw new CallbackRejectedException("runId does not name the backup run this verification checks");
		}
		if (result.detail() == null || result.detail().isBlank()) {
			throw new CallbackRejectedException("detail is required: one sentence on what was checked and found");
		}
		String integrity = part(result.integrity(), "integrity", Set.of("PASSED", "FAILED"));
		String restore = part(result.restore(), "restore", OUTCOMES);
		boolean anyFailed = "FAILED".equals(integrity) || "FAILED".equals(restore);
		switch (status) {
			case "PASSED" -> {
				if (!"PASSED".equals(integrity) || anyFailed) {
					throw new CallbackRejectedException(
							"status PASSED needs integrity.status PASSED and no restore.status FAILED");
				}
			}
			case "FAILED" -> {
				if (!anyFailed) {
					throw new CallbackRejectedException("status FAILED needs integrity.status or restore.status"
							+ " FAILED; a verification that could not run is reported to /failure");
				}
			}
			default -> {
				if (integrity != null) {
					throw new CallbackRejectedException("status SKIPPED means nothing was checked, yet integrity"
							+ " has a result; a completed integrity check is PASSED or FAILED overall");
				}
			}
		}
		boolean restoreTested = "PASSED".equals(restore) || "FAILED".equals(restore);
		String report = report(result);
		Verification outcome = Verification.valueOf(status);
		String failure = (outcome == Verification.FAILED) ? BackupVerification.failureOf(integrity, restore) : null;
		String detail = result.detail().strip();
		this.lifecycle.changed(id, (verification) -> {
			verification.completed(outcome, failure, detail, restoreTested, report, this.lifecycle.now());
			this.lifecycle.recordOnBackup(verification);
			return true;
		});
	}

	@Override
	public void failure(UUID id, RunnerReports.Failure failure) {
		RunnerReports.ReportedFailure reported = failure.checked("DESTINATION_FAILED");
		this.lifecycle.failed(new VerificationId(id), reported.kind(), reported.message());
	}

	/** The status of the result's {@code integrity} or {@code restore} part, if any. */
	private static @Nullable String part(@Nullable JsonNode node, String field, Set<String> allowed) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		String status = node.isObject() ? node.path("status").asString("") : "";
		if (!allowed.contains(status)) {
			throw new CallbackRejectedException(
					field + " must be null or an object whose status is one of " + String.join(", ", allowed));
		}
		return status;
	}

	/**
	 * What the runner found, kept for diagnosis: integrity, restore and durations. A very
	 * long list of differing tables is cut rather than refused.
	 */
	private String report(VerificationReports.Result result) {
		Map<String, @Nullable Object> report = new LinkedHashMap<>();
		report.put("integrity", result.integrity());
		report.put("restore", result.restore());
		report.put("durationsMillis", result.durationsMillis());
		String text = this.json.writeValueAsString(report);
		if (text.length() <= MAX_REPORT) {
			return text;
		}
		report.put("restore", Map.of("status", String.valueOf(part(result.restore(), "restore", OUTCOMES)), "detail",
				"the full list of differences was too long to keep"));
		text = this.json.writeValueAsString(report);
		return (text.length() <= MAX_REPORT) ? text : "{\"truncated\":true}";
	}

}
